import path from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../../../errors.js';
import { formatBytes, readUserFile } from '../../../io/read-file.js';
import { MAX_FILE_BYTES } from '../../../load/folder.js';
import type { Io } from '../../../io/io.js';
import { asCheck, type Read } from '../../../prompt/checks.js';
import type { Choice, Prompts } from '../../../prompt/prompts.js';

/** A value of the new entry that can come from a flag, the `--from` document or a question. */
export interface Field<T> {
  /** The entry's key, as in the YAML (and the `--from` document). */
  key: string;
  /** The flag, with a placeholder, as listed when it is missing: `--residents N`. */
  flag: string;
  required: boolean;
  read: (text: string) => Read<T>;
  message: string;
  default?: string;
}

/** A value chosen from a fixed list. */
export interface ChoiceField<T> {
  key: string;
  flag: string;
  required: boolean;
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

/**
 * Collects the values of a new entry: a given value (flag or `--from`) is
 * read and checked, else the question is asked when there is someone to ask
 * (optional ones only without `--yes`), else a required value is noted as
 * missing so that all of them can be listed at once.
 */
export class Collector {
  readonly missing: string[] = [];

  constructor(
    private readonly given: Readonly<Record<string, unknown>>,
    readonly prompts: Prompts | undefined,
    private readonly askOptional: boolean,
  ) {}

  /** Whether the question for an optional value should be asked. */
  asks(required: boolean): boolean {
    return this.prompts !== undefined && (required || this.askOptional);
  }

  has(key: string): boolean {
    return this.given[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.given[key];
  }

  /** The keys of every given value. */
  keys(): string[] {
    return Object.keys(this.given).filter((k) => this.given[k] !== undefined);
  }

  /** A typed value: read from what was given, or asked and checked as it is typed. */
  async value<T>(field: Field<T>): Promise<T | undefined> {
    const given = this.given[field.key];
    if (given !== undefined) return readGiven(field, given);
    if (this.prompts && this.asks(field.required)) {
      const check = asCheck(field.read);
      const answer = await this.prompts.input({
        message: field.message,
        ...(field.default !== undefined ? { default: field.default } : {}),
        validate: field.required ? check : (text) => text.trim() === '' || check(text),
      });
      if (answer.trim() === '') return undefined;
      return readGiven(field, answer);
    }
    if (field.required) this.missing.push(field.flag);
    return undefined;
  }

  /** A value from a list: checked against it when given, chosen from it when asked. */
  async choice<T extends string>(field: ChoiceField<T>): Promise<T | undefined> {
    const given = this.given[field.key];
    if (given !== undefined) {
      const found = field.choices.find((c) => c.value === given);
      if (!found) {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a value from the command line or --from, whatever it is
        const got = String(given);
        throw new UsageError(
          `${flagName(field.flag)} must be one of ${field.choices.map((c) => c.value).join(', ')} (got "${got}")`,
        );
      }
      return found.value;
    }
    if (this.prompts && this.asks(field.required)) {
      const none = { name: '(none)', value: '' as T };
      const choices = field.required ? field.choices : [...field.choices, none];
      const chosen = await this.prompts.select({
        message: field.message,
        choices,
        ...(field.default !== undefined ? { default: field.default } : {}),
      });
      return chosen === '' ? undefined : chosen;
    }
    if (field.required) this.missing.push(field.flag);
    return undefined;
  }

  /** Stops with every missing value named, when nobody could be asked for them. */
  assertComplete(what: string): void {
    if (this.missing.length === 0) return;
    throw new UsageError(
      `${what} needs values that nobody can be asked for here (no terminal, or CI is set): ${this.missing.join(', ')}. Pass them as flags, or as a document with --from FILE.`,
    );
  }
}

function readGiven<T>(field: Field<T>, given: unknown): T {
  const read = field.read(String(given));
  if (!read.ok) throw new UsageError(`${flagName(field.flag)}: ${read.message} (got "${String(given)}")`);
  return read.value;
}

function flagName(flag: string): string {
  return flag.split(' ')[0]!;
}

/**
 * The `--from` document (a file, or `-` for standard input): one new entry
 * as a YAML or JSON mapping. Parsed as YAML 1.2, like the data files.
 */
export async function readFromDocument(io: Io, from: string): Promise<Record<string, unknown>> {
  const text = from === '-' ? await readStdin(io) : await readNamed(io, from);
  let value: unknown;
  try {
    value = parse(text.replace(/^\uFEFF/, ''), { version: '1.2', uniqueKeys: true, strict: true });
  } catch (error) {
    throw new UsageError(`--from ${from}: is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `--from ${from}: must hold one mapping of fields (the new entry), e.g. {"quarter": "2023/24-Q1", "summary": "…", "residents": 8}`,
    );
  }
  return value as Record<string, unknown>;
}

/** The file `--from` names: an ordinary file within the data files' size limit (a pipe is refused: `--from -` reads standard input). */
async function readNamed(io: Io, from: string): Promise<string> {
  const read = await readUserFile(io.fs, path.resolve(io.cwd, from), { maxBytes: MAX_FILE_BYTES });
  if (!read.ok)
    throw new UsageError(
      `--from ${from}: this file ${read.problem.message}${read.problem.code === 'not-regular' ? ' (give --from - to read standard input)' : ''}`,
    );
  return new TextDecoder().decode(read.bytes);
}

/** Standard input, up to the data files' size limit. */
async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > MAX_FILE_BYTES)
      throw new UsageError(
        `--from -: standard input holds more than ${formatBytes(MAX_FILE_BYTES)}, more than one entry could need`,
      );
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Values given as repeatable or comma-separated flags (`--measure 2.1 5.3` or `--measure 2.1,5.3`). */
export function listValues(given: unknown): string[] | undefined {
  if (given === undefined) return undefined;
  const items = Array.isArray(given) ? given : [given];
  return items
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
