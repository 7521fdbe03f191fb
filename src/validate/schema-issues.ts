import type { z } from 'zod';
import { locate } from '../load/locate.js';
import type { SourceFile } from '../load/source.js';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import { suggest } from './suggest.js';

type Issue = z.core.$ZodIssue & { input?: unknown };

/**
 * Parses `source.data` with `schema` and turns every zod issue into a
 * diagnostic placed on the YAML node it concerns.
 */
export function checkSchema<T extends z.ZodType>(
  source: SourceFile,
  schema: T,
): { data?: z.output<T>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(source, schema, issue as Issue));
  return { diagnostics };
}

function issueToDiagnostics(source: SourceFile, schema: z.ZodType, issue: Issue): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = fieldName(path);
  const make = (code: DiagnosticCode, message: string, range = locate(source, path), hint?: string): Diagnostic => ({
    code,
    severity: 'error',
    message,
    file: source.path,
    ...(range ? { range } : {}),
    ...(hint ? { hint } : {}),
  });

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path);
      return issue.keys.map((key) => {
        const guess = suggest(key, known);
        return make(
          'unknown-field',
          `unknown field \`${key}\`${path.length ? ` in ${describePath(path)}` : ''}`,
          locate(source, [...path, key], { keyOf: true }),
          guess ? `did you mean \`${guess}\`?` : known.length ? `known fields: ${known.join(', ')}` : undefined,
        );
      });
    }
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [make('missing-field', `missing required field \`${field}\`${path.length > 1 ? ` in ${describePath(path.slice(0, -1))}` : ''}`)];
      }
      const got = describeValue(issue.input);
      const hint =
        issue.expected === 'boolean' && typeof issue.input === 'string'
          ? 'write true or false (yes/no/on/off are text in YAML 1.2)'
          : issue.expected === 'string' && typeof issue.input === 'number'
            ? 'put the value in quotes to make it text'
            : issue.expected === 'number' && typeof issue.input === 'string'
              ? 'write the number without quotes, units or a £ sign'
              : undefined;
      return [make('wrong-type', `\`${field}\` must be ${article(issue.expected)}, not ${got}`, undefined, hint)];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? suggest(issue.input, values) : undefined;
      return [
        make(
          'invalid-value',
          `\`${field}\` is ${describeValue(issue.input)}; it must be one of: ${values.join(', ')}`,
          undefined,
          guess ? `did you mean \`${guess}\`?` : undefined,
        ),
      ];
    }
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) === 0) {
        return [make('negative-number', `\`${field}\` must not be negative`)];
      }
      return [make('invalid-value', `\`${field}\` ${issue.message}`)];
    case 'custom': {
      const code = (issue.params?.['code'] as DiagnosticCode | undefined) ?? 'invalid-value';
      return [make(code, `\`${field}\` ${issue.message}${typeof issue.input === 'string' ? ` (found "${truncate(issue.input)}")` : ''}`)];
    }
    case 'invalid_key':
      return [make('invalid-value', `a key in ${describePath(path)} ${issue.issues[0]?.message ?? 'is not valid'}`)];
    case 'invalid_element':
      return [make('invalid-value', `a value in ${describePath(path)} is not valid`)];
    default:
      return [make('invalid-value', `\`${field}\` ${issue.message}`)];
  }
}

/** The field names the schema allows at `path`, for "did you mean". */
export function knownKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let node: z.core.$ZodType | undefined = schema;
  for (const segment of path) {
    node = unwrap(node);
    const def = node?._zod.def as unknown as Record<string, unknown> | undefined;
    if (!def) return [];
    if (def['type'] === 'object') node = (def['shape'] as Record<string, z.core.$ZodType>)[String(segment)];
    else if (def['type'] === 'array') node = def['element'] as z.core.$ZodType;
    else if (def['type'] === 'record') node = def['valueType'] as z.core.$ZodType;
    else return [];
  }
  node = unwrap(node);
  const def = node?._zod.def as unknown as Record<string, unknown> | undefined;
  return def?.['type'] === 'object' ? Object.keys(def['shape'] as object) : [];
}

function unwrap(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = node;
  for (let i = 0; i < 10 && current; i++) {
    const def = current._zod.def as unknown as Record<string, unknown>;
    if (def['innerType']) current = def['innerType'] as z.core.$ZodType;
    else if (def['type'] === 'pipe') current = def['in'] as z.core.$ZodType;
    else break;
  }
  return current;
}

function fieldName(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return String(path[i]);
  }
  return 'value';
}

/** `activities[3].updates[0]` for messages. */
export function describePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg + 1}]` : out ? `.${seg}` : seg;
  return out || 'the file';
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (typeof value === 'string') return `the text "${truncate(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value)',
  };
  return words[expected] ?? expected;
}

function truncate(s: string): string {
  const oneLine = s.replace(/[\r\n]+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
