import type { z } from 'zod';
import { locate, type DataPath } from '../load/locate.js';
import type { SourceFile } from '../load/source.js';
import { listFirst, MAX_LISTED, type Diagnostic, type DiagnosticCode, type Range } from '../diagnostics/diagnostic.js';
import { describeRecord, sentence } from './records.js';
import { containerAt, descriptionOf, enumValuesOf, isOptional, knownKeysAt, schemaAt } from './schema-walk.js';
import { suggest } from './suggest.js';
import { monthName } from '../periods/periods.js';

type Issue = z.core.$ZodIssue & { input?: unknown };

/**
 * Parses `source.data` with `schema` and turns every zod issue into a
 * diagnostic placed on the YAML node it concerns (for a missing field, the
 * record that lacks it).
 */
export function checkSchema<T extends z.ZodType>(
  source: SourceFile,
  schema: T,
): { data?: z.output<T>; diagnostics: Diagnostic[] } {
  let result: z.ZodSafeParseResult<z.output<T>>;
  try {
    result = schema.safeParse(source.data, { reportInput: true });
  } catch (error) {
    // zod gathers a record's issues with push(...issues): hundreds of thousands of them overflow the stack.
    if (!(error instanceof RangeError)) throw error;
    return {
      diagnostics: [
        {
          code: 'file-too-large',
          severity: 'error',
          file: source.path,
          message: 'This file has too many problems to check one by one',
          hint: "check that this is the department's data file, and not a file generated or pasted in by mistake",
        },
      ],
    };
  }
  if (result.success) return { data: result.data, diagnostics: [] };
  // One issue lists every unknown key of a record: count them one by one, and build only the diagnostics that will be listed.
  const issues = result.error.issues as Issue[];
  const weight = (issue: Issue) => (issue.code === 'unrecognized_keys' ? issue.keys.length : 1);
  const total = issues.reduce((n, issue) => n + weight(issue), 0);
  const listed: Diagnostic[] = [];
  for (const issue of issues) {
    if (listed.length > MAX_LISTED) break;
    const room = MAX_LISTED + 1 - listed.length;
    for (const d of issueToDiagnostics(
      source,
      schema,
      issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.slice(0, room) } : issue,
    ))
      listed.push(d);
  }
  return { diagnostics: listFirst(listed, total) };
}

function issueToDiagnostics(source: SourceFile, schema: z.ZodType, issue: Issue): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const subject = describeField(schema, path);
  const make = (
    code: DiagnosticCode,
    message: string,
    hint?: string,
    range: Range | undefined = locate(source, path),
  ): Diagnostic => ({
    code,
    severity: 'error',
    message: sentence(message),
    file: source.path,
    ...(range ? { range } : {}),
    ...(hint ? { hint } : {}),
  });

  const field = schemaAt(schema, path);
  if (issue.input === undefined && issue.code !== 'unrecognized_keys' && path.length > 0) {
    return [
      make(
        'missing-field',
        `${subject} is missing from ${describeRecord(source.data, path.slice(0, -1))}`,
        `add \`${String(path.at(-1))}:\`${aboutField(field)}`,
      ),
    ];
  }
  if (issue.input === null && issue.code !== 'unrecognized_keys' && path.length > 0) {
    const key = path.at(-1);
    const fix =
      typeof key === 'number'
        ? 'write the item after its `-`, or delete the empty line'
        : `write a value after \`${key}:\`${isOptional(field) ? ', or delete the line' : ''}`;
    const help = fieldHelp(field);
    return [make('missing-field', `${subject} has no value`, `${fix}${help ? ` (${help.replace(/\.$/, '')})` : ''}`)];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path);
      return issue.keys.map((key) => {
        const guess = suggest(key, known);
        return make(
          'unknown-field',
          `Unknown field \`${key}\` in ${describeRecord(source.data, path)}`,
          guess ? `did you mean \`${guess}\`?` : known.length ? `the fields here are: ${known.join(', ')}` : undefined,
          locate(source, [...path, key], { keyOf: true }),
        );
      });
    }
    case 'invalid_type': {
      if (issue.expected === 'int' && typeof issue.input === 'number') {
        return [make('invalid-value', `${subject} must be a whole number, not ${issue.input}`)];
      }
      return [
        make(
          'wrong-type',
          `${subject} must be ${expectedWords(issue.expected)}, not ${describeValue(issue.input)}`,
          typeHint(issue.expected, issue.input) ?? fieldHelp(field),
        ),
      ];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? suggest(issue.input, values) : undefined;
      return [
        make(
          'invalid-value',
          `${subject} must be one of ${values.join(', ')}, not ${describeValue(issue.input)}`,
          guess ? `did you mean \`${guess}\`?` : undefined,
        ),
      ];
    }
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) === 0) {
        return [
          make(
            'negative-number',
            `${subject} must not be negative, but it is ${String(issue.input)}`,
            'write the amount or count as 0 or more',
          ),
        ];
      }
      return [
        make(
          'invalid-value',
          `${subject} ${ownMessage(issue.message) ?? limitWords('at least', issue.origin, issue.minimum)}`,
        ),
      ];
    case 'too_big':
      return [
        make(
          'invalid-value',
          `${subject} ${ownMessage(issue.message) ?? limitWords('at most', issue.origin, issue.maximum)}`,
        ),
      ];
    case 'invalid_format':
      return [
        make(
          'invalid-value',
          `${subject} ${ownMessage(issue.message) ?? 'is not written in the expected form'}${found(issue.input)}`,
        ),
      ];
    case 'custom': {
      const code = (issue.params?.['code'] as DiagnosticCode | undefined) ?? 'invalid-value';
      return [
        make(
          code,
          `${subject} ${issue.message}${found(issue.input)}`,
          code === 'invalid-date' ? dateHint(issue.input) : undefined,
        ),
      ];
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      const code =
        (inner?.code === 'custom' ? (inner.params?.['code'] as DiagnosticCode | undefined) : undefined) ??
        'invalid-value';
      const key = String(path.at(-1));
      return [
        make(
          code,
          `The key \`${key}\` in ${describeField(schema, path.slice(0, -1))} ${ownMessage(inner?.message ?? '') ?? 'is not valid'}`,
          undefined,
          locate(source, path, { keyOf: true }),
        ),
      ];
    }
    case 'invalid_union': {
      // The form the value was meant to take is the one of its type (text, or a record); its own problems say what to mend.
      const ofItsType = issue.errors.filter(
        (form) => !form.some((i) => i.code === 'invalid_type' && i.path.length === 0),
      );
      const form = ofItsType.length === 1 ? ofItsType[0]! : undefined;
      if (form && form.length > 0)
        return form.flatMap((inner) =>
          issueToDiagnostics(source, schema, { ...inner, path: [...issue.path, ...inner.path] }),
        );
      return [make('invalid-value', `${subject} is not valid`)];
    }
    default:
      return [make('invalid-value', `${subject} is not valid`)];
  }
}

/**
 * Names the field at `path` for the start of a message: "`residents`",
 * "item 2 of `measures`", "the `meetings` date for `2023/24-Q1`", "this file".
 */
export function describeField(schema: z.ZodType, path: DataPath): string {
  if (path.length === 0) return 'this file';
  const last = path[path.length - 1]!;
  switch (containerAt(schema, path)) {
    case 'array':
      return `item ${Number(last) + 1} of ${describeField(schema, path.slice(0, -1))}`;
    case 'record':
      return `the entry \`${String(last)}\` of ${describeField(schema, path.slice(0, -1))}`;
    default:
      return `\`${String(last)}\``;
  }
}

/** " with one of a, b, c" or " (what the field is for)", from the schema. */
function aboutField(field: z.ZodType | undefined): string {
  const values = enumValuesOf(field);
  if (values) return ` with one of ${values.join(', ')}`;
  const description = descriptionOf(field);
  return description ? ` (${description.replace(/\.$/, '')})` : '';
}

/** The allowed values or the description of a field, as a hint on its own. */
function fieldHelp(field: z.ZodType | undefined): string | undefined {
  const values = enumValuesOf(field);
  return values ? `one of ${values.join(', ')}` : descriptionOf(field);
}

/** Zod's own messages start "Invalid" or "Too"; the schemas' own read "must ...". */
function ownMessage(message: string): string | undefined {
  return /^(Invalid|Too )/.test(message) ? undefined : message;
}

function limitWords(bound: 'at least' | 'at most', origin: string, limit: number | bigint): string {
  const n = Number(limit);
  if (origin === 'array' || origin === 'set') return `must list ${bound} ${n} ${n === 1 ? 'item' : 'items'}`;
  if (origin === 'string')
    return n === 1 && bound === 'at least' ? 'must not be empty' : `must be ${bound} ${n} characters long`;
  return `must be ${bound} ${n}`;
}

function found(input: unknown): string {
  return typeof input === 'string' ? ` (it is "${truncate(input)}")` : '';
}

function typeHint(expected: string, input: unknown): string | undefined {
  if (expected === 'boolean' && typeof input === 'string') return 'write true or false (yes and no are read as text)';
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean'))
    return 'put the value in quotes to make it text, e.g. "5.1"';
  if ((expected === 'number' || expected === 'int') && typeof input === 'string')
    return 'write the number without quotes, units, commas or a £ sign';
  return undefined;
}

/** Says why a date is not real ("February 2023 has 28 days") or how to write a real one as YYYY-MM-DD. */
export function dateHint(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input.trim());
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(input.trim());
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : undefined;
  if (!parts) return 'write the date as YYYY-MM-DD, e.g. 2023-06-20';
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there is no month ${month}: write the date as YYYY-MM-DD`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days)
    return `there is no ${day} ${monthName(month)} ${year}: ${monthName(month)} ${year} has ${days} days`;
  return `write it as ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function expectedWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a set of fields (key: value)',
    record: 'a set of fields (key: value)',
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${truncate(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a set of fields';
  return String(value);
}

function truncate(s: string): string {
  const oneLine = s.replace(/[\r\n]+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
