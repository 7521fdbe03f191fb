import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  visit,
  type Alias,
  type Document,
  type Node,
  type Scalar,
  type YAMLError,
} from 'yaml';
import { XML_INVALID, type UnstorableText } from '../diagnostics/characters.js';
import {
  listFirst,
  MAX_LISTED,
  type Diagnostic,
  type DiagnosticCode,
  type Range,
  type Severity,
} from '../diagnostics/diagnostic.js';
import { readBlockYaml } from './block-yaml.js';
import { decodeUtf8 } from './decode.js';
import type { EntryPositions, Positions } from './positions.js';
import { describeDuplicateKey, describeYamlError } from './yaml-messages.js';
import { MAX_YAML_TOKENS, parseWithinLimits } from './yaml-cost.js';

export { MAX_YAML_TOKENS } from './yaml-cost.js';

/** Nesting deeper than this is refused before it can exhaust the stack. */
export const MAX_DEPTH = 64;

/**
 * A list or record longer than this is refused: no council has ten thousand
 * activities in a department, and the checks that follow would otherwise
 * gather one problem per item (zod runs out of stack at a few hundred
 * thousand, sooner or later depending on the stack it is given).
 */
export const MAX_ITEMS = 10_000;

/** Keys that could reach an object's prototype when data is copied about. */
export const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One data file: its text, its plain data, and where each value is written. */
export interface SourceFile {
  /** Path as shown in diagnostics. */
  path: string;
  /** The decoded text (invalid UTF-8 shows as U+FFFD); diagnostics' offsets point into it. */
  text: string;
  bom: boolean;
  /** Line starts of `text`, for turning offsets into line and column. */
  lineCounter: LineCounter;
  /** Plain data; undefined when the file could not be read as YAML at all. */
  data?: unknown;
  /** Where each value of `data` is written: use {@link positionsOf}, which reads them when they are deferred. */
  positions?: Positions | undefined;
  /** Set when the fast reader kept only the data: the positions are read when a diagnostic first needs them. */
  positionsDeferred?: true;
  /** Texts (values and keys) holding characters Word cannot store, for `checkCharacters`. */
  unstorable?: readonly UnstorableText[];
}

export type { UnstorableText } from '../diagnostics/characters.js';

export interface ParsedSource {
  source: SourceFile;
  diagnostics: Diagnostic[];
}

/**
 * Parses a file's bytes into a {@link SourceFile}, as YAML 1.2 with the core
 * schema whatever the file says. Plain block YAML, which is what data files
 * are, is read by coprod's own fast reader; anything else, and every file
 * with a problem, by the `yaml` library (always, with `fastReader: false`).
 * Never throws for bad input:
 * every problem is returned as a diagnostic, and `data` is left undefined
 * when what was read cannot be trusted (syntax errors, aliases, deep nesting).
 */
export function parseSource(path: string, bytes: Uint8Array, options: { fastReader?: boolean } = {}): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const decoded = decodeUtf8(bytes);
  const { text } = decoded;
  const source: SourceFile = { path, text, bom: decoded.bom, lineCounter: countLines(text) };
  const report = (code: DiagnosticCode, message: string, range?: Range, hint?: string, severity: Severity = 'error') =>
    diagnostics.push({ code, severity, file: path, message, ...(range ? { range } : {}), ...(hint ? { hint } : {}) });

  if (decoded.invalidAt !== undefined) {
    report(
      'encoding-invalid-utf8',
      'This file is not saved as UTF-8 text: the character here cannot be read',
      [decoded.invalidAt, decoded.invalidAt + 1],
      'save the file again choosing the UTF-8 encoding, then check the character',
    );
    return { source, diagnostics };
  }
  if (text.trim() === '') {
    report('file-empty', 'This file is empty', undefined, "write the file's records, or delete the file");
    return { source, diagnostics };
  }
  // Classic Mac OS ended lines with a carriage return alone; the parser would read the whole file as one line.
  const cr = text.indexOf('\r');
  if (cr >= 0 && !text.includes('\n')) {
    report(
      'yaml-syntax',
      'The lines of this file end with a carriage return alone (old Mac line endings), which coprod cannot read',
      [cr, cr + 1],
      'save the file again with Windows (CRLF) or Unix (LF) line endings',
    );
    return { source, diagnostics };
  }
  const fast = options.fastReader === false ? undefined : readBlockYaml(text, LIMITS, { positions: false });
  if (fast) {
    source.data = fast.data;
    source.positionsDeferred = true;
    return { source, diagnostics };
  }
  const parsed = parseWithinLimits(text, MAX_DEPTH);
  if (parsed.tooDeepAt !== undefined) {
    report(
      'yaml-too-deep',
      `This file nests records more than ${MAX_DEPTH} levels deep`,
      parsed.tooDeepAt >= 0 ? [parsed.tooDeepAt, parsed.tooDeepAt + 1] : undefined,
    );
    return { source, diagnostics };
  }
  if (parsed.tooLongAt !== undefined) {
    const at = parsed.openAt ?? parsed.tooLongAt;
    report(
      'file-too-large',
      `This file is not plain block YAML, and has more than ${MAX_YAML_TOKENS.toLocaleString('en-GB')} YAML tokens (keys, values, punctuation, comments), more than coprod reads in such a file`,
      [at, at + 1],
      parsed.openAt !== undefined
        ? `the list or record opened here is still open ${MAX_YAML_TOKENS.toLocaleString('en-GB')} tokens later: if it was never closed, add its closing \`]\` or \`}\``
        : "check that this is the department's data file; a data file written as plain `key: value` lines and `- ` lists is read up to the size limit",
    );
    return { source, diagnostics };
  }
  const doc = parsed.doc;
  // Such characters are written as themselves or as escapes in double quotes: look for them only when there may be some.
  if (XML_INVALID.test(text) || text.includes('\\')) source.unstorable = unstorableTexts(doc);
  const add = (list: readonly Diagnostic[]) => {
    for (const d of list) diagnostics.push(d);
  };
  // A tab used for indentation throws the parser off for the lines after it; report the tabs alone.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const errors = tabs.length > 0 ? tabs : doc.errors;
  add(
    listFirst(
      errors.slice(0, MAX_LISTED + 1).map((e) => yamlDiagnostic(path, text, e, 'error')),
      errors.length,
    ),
  );
  add(
    listFirst(
      doc.warnings.slice(0, MAX_LISTED + 1).map((w) => yamlDiagnostic(path, text, w, 'warning')),
      doc.warnings.length,
    ),
  );
  if (tabs.length === 0) add(duplicateKeys(doc, path, text));
  if (doc.errors.length > 0) return { source, diagnostics };

  const aliases: Alias[] = [];
  const unsafe: Scalar[] = [];
  visit(doc, {
    Alias(_key, node) {
      aliases.push(node);
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && UNSAFE_KEYS.has(pair.key.value))
        unsafe.push(pair.key);
    },
  });
  const located = (code: DiagnosticCode, message: string, range: Range | undefined, hint: string): Diagnostic => ({
    code,
    severity: 'error',
    file: path,
    message,
    ...(range ? { range } : {}),
    hint,
  });
  add(
    listFirst(
      aliases
        .slice(0, MAX_LISTED + 1)
        .map((node) =>
          located(
            'yaml-alias',
            `The alias \`*${node.source}\` repeats a value from elsewhere; coprod does not accept aliases`,
            rangeOf(node),
            'write the value out in full',
          ),
        ),
      aliases.length,
    ),
  );
  add(
    listFirst(
      unsafe
        .slice(0, MAX_LISTED + 1)
        .map((key) =>
          located(
            'unsafe-key',
            `The key \`${String(key.value)}\` is not allowed`,
            rangeOf(key),
            'remove it: no coprod record has a field of that name',
          ),
        ),
      unsafe.length,
    ),
  );
  if (aliases.length > 0) return { source, diagnostics };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    report(
      'file-empty',
      'This file is empty: it has only comments',
      undefined,
      "write the file's records, or delete the file",
    );
    return { source, diagnostics };
  }
  if (!isMap(contents)) {
    report(
      'file-not-mapping',
      `This file holds ${isSeq(contents) ? 'a list' : 'a single value'}, but coprod expects named fields written \`key: value\``,
      rangeOf(contents),
      'start the file with its first field, e.g. `department: economy`',
    );
    return { source, diagnostics };
  }
  const limits: Limits = {};
  const { value: data, at } = toPlain(contents, 0, limits);
  if (limits.tooDeep)
    report('yaml-too-deep', `This file nests records more than ${MAX_DEPTH} levels deep`, limits.tooDeep.at);
  if (limits.tooLong) {
    const { at, items } = limits.tooLong;
    report(
      'file-too-large',
      `This list or record has ${items.toLocaleString('en-GB')} entries; coprod reads at most ${MAX_ITEMS.toLocaleString('en-GB')} in one`,
      at,
      "check that this is the department's data file, and not a file generated or pasted in by mistake",
    );
  }
  if (!limits.tooDeep && !limits.tooLong) {
    source.data = data;
    source.positions = at;
  }
  return { source, diagnostics };
}

const LIMITS = { maxDepth: MAX_DEPTH, maxItems: MAX_ITEMS, unsafeKeys: UNSAFE_KEYS };

/**
 * Where each value of a source's data is written. Most files are valid and
 * most values are never pointed at, so the fast reader does not keep
 * positions: they are read again from the text the first time they are needed.
 */
export function positionsOf(source: SourceFile): Positions | undefined {
  if (source.positionsDeferred) {
    delete source.positionsDeferred;
    const read = readBlockYaml(source.text, LIMITS);
    if (read?.positions) source.positions = read.positions;
  }
  return source.positions;
}

function yamlDiagnostic(path: string, text: string, e: YAMLError, severity: Severity): Diagnostic {
  const problem = describeYamlError(e, text);
  return {
    code: problem.code,
    severity,
    file: path,
    message: problem.message,
    range: [e.pos[0], e.pos[1]],
    ...(problem.hint ? { hint: problem.hint } : {}),
  };
}

/**
 * Keys written twice in one record. The parser's own check (`uniqueKeys`)
 * compares each key with every earlier one, which took ten seconds on a file
 * of 40,000 keys; this one keeps a set per record. Keys are compared as text,
 * as {@link toPlain} stores them, so `1` and `"1"` clash too.
 */
function duplicateKeys(doc: Document.Parsed, path: string, text: string): Diagnostic[] {
  const found: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key) && pair.key.range) found.push(pair.key.range[0]);
        seen.add(key);
      }
    },
  });
  const listed = found.slice(0, MAX_LISTED + 1).map((offset): Diagnostic => {
    const problem = describeDuplicateKey(text, offset);
    return {
      code: problem.code,
      severity: 'error',
      file: path,
      message: problem.message,
      range: [offset, offset + 1],
      ...(problem.hint ? { hint: problem.hint } : {}),
    };
  });
  return listFirst(listed, found.length);
}

/** Line starts of a text: the parser is not always run (empty or undecodable files), so count them here. */
export function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter;
}

function rangeOf(
  node: { range?: readonly [number, number, number?] | null | undefined } | null | undefined,
): Range | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Where a file first went past {@link MAX_DEPTH} or {@link MAX_ITEMS}. */
interface Limits {
  tooDeep?: { at?: Range };
  tooLong?: { at?: Range; items: number };
}

/**
 * Converts a YAML node to plain data and its positions, skipping unsafe keys
 * (already reported) and stopping at the limits. Positions follow the
 * convention of {@link Positions}, which the fast reader shares: a block
 * list or record ends where its last value ends.
 */
function toPlain(node: Node | null | undefined, depth: number, limits: Limits): { value: unknown; at?: Positions } {
  const at = rangeOf(node);
  if (depth > MAX_DEPTH) {
    limits.tooDeep ??= at ? { at } : {};
    return { value: undefined };
  }
  if ((isMap(node) || isSeq(node)) && node.items.length > MAX_ITEMS) {
    limits.tooLong ??= { ...(at ? { at } : {}), items: node.items.length };
    return { value: undefined };
  }
  if (node == null) return { value: null };
  if (isScalar(node)) return { value: node.value, ...(at ? { at: { kind: 'scalar', range: at } } : {}) };
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const entries = new Map<string, EntryPositions>();
    let end: number | undefined;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyRange = rangeOf(pair.key as Node);
      const key = isScalar(pair.key)
        ? String(pair.key.value)
        : JSON.stringify(toPlain(pair.key as Node, depth + 1, limits).value);
      const value = UNSAFE_KEYS.has(key) ? undefined : toPlain(pair.value as Node | null, depth + 1, limits);
      end = value?.at?.range[1] ?? keyRange?.[1] ?? end;
      if (!value) continue;
      out[key] = value.value;
      if (keyRange && !entries.has(key)) entries.set(key, { key: keyRange, value: value.at });
    }
    return { value: out, ...(at ? { at: { kind: 'map', range: collectionRange(node, at, end), entries } } : {}) };
  }
  if (isSeq(node)) {
    const values: unknown[] = [];
    const items: (Positions | undefined)[] = [];
    for (const item of node.items) {
      const read = toPlain(item as Node, depth + 1, limits);
      values.push(read.value);
      items.push(read.at);
    }
    const end = items.length > 0 ? items[items.length - 1]?.range[1] : undefined;
    return { value: values, ...(at ? { at: { kind: 'seq', range: collectionRange(node, at, end), items } } : {}) };
  }
  return { value: undefined };
}

/** A one-line `[...]` or `{...}` spans its brackets; a block list or record ends where its last value ends. */
function collectionRange(node: { flow?: boolean }, at: Range, lastEnd: number | undefined): Range {
  return node.flow || lastEnd === undefined ? at : [at[0], lastEnd];
}

/** Every text in the document (values and keys) holding a character Word cannot store. */
function unstorableTexts(doc: Document.Parsed): UnstorableText[] {
  const found: UnstorableText[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && XML_INVALID.test(node.value))
        found.push({ value: node.value, ...(node.range ? { range: [node.range[0], node.range[1]] as Range } : {}) });
    },
  });
  return found;
}
