import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { decodeUtf8 } from '../load/decode.js';
import { parseSource } from '../load/source.js';
import { appendToList, EditError, type Appended } from './append.js';
import { detectStyle } from './style.js';

/** What to add to a department's activity file. */
export type Addition =
  | { kind: 'activity'; activity: Record<string, unknown> }
  | { kind: 'update'; activityIndex: number; update: Record<string, unknown> };

/** A department file with an entry added. */
export interface EditedFile {
  bytes: Uint8Array;
  /** The decoded text (without a byte-order mark), as the loader would see it. */
  text: string;
  /** Offsets of the new entry in `text`. */
  range: [number, number];
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/**
 * Adds an activity (to `activities:`) or an update (to that activity's
 * `updates:`) to a department file's bytes. Every other byte stays as it
 * was: the entry is spliced in, in the file's own indentation, list style
 * and line endings, and a byte-order mark is kept. The result is parsed
 * again and must hold exactly the old data plus the entry, or
 * {@link EditError} is thrown and nothing should be written.
 */
export function addToDepartmentFile(bytes: Uint8Array, addition: Addition): EditedFile {
  const decoded = decodeUtf8(bytes);
  if (decoded.invalidAt !== undefined) throw new EditError('the file is not valid UTF-8');
  const { text, bom } = decoded;
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: true, strict: true, version: '1.2' });
  if (doc.errors.length > 0) throw new EditError('the file is not valid YAML (`coprod validate` shows where)');
  const before = parseSource('before', bytes).source.data;
  if (!isRecord(before)) throw new EditError('the file does not hold a mapping of fields');

  const style = detectStyle(text, doc);
  const [owner, key, entry] =
    addition.kind === 'activity'
      ? ([[], 'activities', plain(addition.activity)] as const)
      : ([['activities', addition.activityIndex], 'updates', plain(addition.update)] as const);
  const appended: Appended = appendToList(text, doc, owner, key, entry, style);

  const out = new TextEncoder().encode(appended.text);
  const result = bom ? concat(UTF8_BOM, out) : out;
  checkRoundTrip(result, expectedData(before, owner, key, entry));
  return { bytes: result, text: appended.text, range: appended.range };
}

/** The old data with the entry appended where it belongs. */
export function expectedData(
  before: Record<string, unknown>,
  owner: readonly (string | number)[],
  key: string,
  entry: unknown,
): unknown {
  const copy = structuredClone(before);
  let target: unknown = copy;
  for (const step of owner) target = (target as Record<string | number, unknown>)[step];
  if (!isRecord(target)) throw new EditError(`\`${owner.join('.')}\` is not a mapping`);
  const list = target[key];
  target[key] = Array.isArray(list) ? [...(list as unknown[]), entry] : [entry];
  return copy;
}

/** Parses the new bytes as the loader does and compares their data with what was expected. */
function checkRoundTrip(bytes: Uint8Array, expected: unknown): void {
  const parsed = parseSource('after', bytes);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !isDeepStrictEqual(parsed.source.data, expected)) {
    throw new EditError('the new entry could not be added without changing what is already there');
  }
}

/** The entry as plain data: fields left undefined are dropped, as the YAML writer drops them. */
function plain(entry: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
