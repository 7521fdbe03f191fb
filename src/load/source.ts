import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../validate/diagnostic.js';
import { decodeUtf8 } from './decode.js';

/** Nesting deeper than this is refused before it can exhaust the stack. */
export const MAX_DEPTH = 64;

/** Keys that could reach an object's prototype when data is copied about. */
export const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One data file: its text, its YAML document with positions, and its plain data. */
export interface SourceFile {
  /** Path as shown in diagnostics. */
  path: string;
  text: string;
  bom: boolean;
  lineCounter: LineCounter;
  doc?: Document.Parsed;
  /** Plain data; undefined when the file could not be read as YAML at all. */
  data?: unknown;
}

export interface ParsedSource {
  source: SourceFile;
  diagnostics: Diagnostic[];
}

const YAML_ERROR_CODES: Record<string, DiagnosticCode> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab',
};

/**
 * Parses a file's bytes into a {@link SourceFile}. Never throws for bad input:
 * every problem is returned as a diagnostic, and `data` is left undefined
 * when what was read cannot be trusted (syntax errors, aliases, deep nesting).
 */
export function parseSource(path: string, bytes: Uint8Array): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    diagnostics.push({
      code: 'encoding-invalid-utf8',
      severity: 'error',
      file: path,
      message: `is not valid UTF-8 (bad byte at line ${decoded.line}, byte ${decoded.column} of the line)`,
      hint: 'save the file as UTF-8 in your editor',
    });
    return { source: { path, text: '', bom: false, lineCounter }, diagnostics };
  }
  const { text, bom } = decoded;
  const source: SourceFile = { path, text, bom, lineCounter };
  const report = (code: DiagnosticCode, message: string, range?: readonly [number, number], hint?: string) =>
    diagnostics.push({ code, severity: 'error', file: path, message, ...(range ? { range } : {}), ...(hint ? { hint } : {}) });

  if (text.trim() === '' || /^(\s*(#[^\n]*)?\n?)*$/.test(text)) {
    report('file-empty', 'is empty: it has no data', undefined, 'a department file needs at least `department:` and `activities:`');
    return { source, diagnostics };
  }
  if (exceedsFlowDepth(text)) {
    report('yaml-too-deep', `nests deeper than ${MAX_DEPTH} levels`);
    return { source, diagnostics };
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  } catch (error) {
    if (error instanceof RangeError) {
      report('yaml-too-deep', `nests too deeply to be read (more than ${MAX_DEPTH} levels)`);
      return { source, diagnostics };
    }
    throw error;
  }
  source.doc = doc;
  for (const e of doc.errors) {
    const code = YAML_ERROR_CODES[e.code] ?? 'yaml-syntax';
    report(code, describeYamlError(e.code, e.message), e.pos, code === 'yaml-tab' ? 'indent with spaces, not tabs' : undefined);
  }
  if (doc.errors.length > 0) return { source, diagnostics };

  let trusted = true;
  visit(doc, {
    Alias(_key, node) {
      trusted = false;
      report('yaml-alias', 'uses an alias (*name); coprod does not accept aliases', node.range ? [node.range[0], node.range[1]] : undefined, 'write the value out in full');
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && UNSAFE_KEYS.has(pair.key.value)) {
        const r = pair.key.range;
        report('unsafe-key', `uses the reserved key \`${pair.key.value}\``, r ? [r[0], r[1]] : undefined, 'remove this key');
      }
    },
  });
  if (!trusted) return { source, diagnostics };

  const contents = doc.contents;
  if (!isMap(contents)) {
    const what = contents === null || (isScalar(contents) && contents.value === null) ? 'empty' : isSeq(contents) ? 'a list' : 'a single value';
    const range = contents?.range;
    report(
      what === 'empty' ? 'file-empty' : 'file-not-mapping',
      what === 'empty' ? 'is empty: it has no data' : `is ${what}, but coprod expects a mapping of fields (key: value)`,
      range ? [range[0], range[1]] : undefined,
    );
    return { source, diagnostics };
  }
  const depthError = { hit: false };
  source.data = toPlain(contents, 0, depthError);
  if (depthError.hit) {
    report('yaml-too-deep', `nests deeper than ${MAX_DEPTH} levels`);
    delete source.data;
  }
  return { source, diagnostics };
}

/** Converts a YAML node to plain data, skipping unsafe keys (already reported). */
function toPlain(node: Node | null | undefined, depth: number, depthError: { hit: boolean }): unknown {
  if (depth > MAX_DEPTH) {
    depthError.hit = true;
    return undefined;
  }
  if (node == null) return null;
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(toPlain(pair.key as Node, depth + 1, depthError));
      if (UNSAFE_KEYS.has(key)) continue;
      out[key] = toPlain(pair.value as Node | null, depth + 1, depthError);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item as Node, depth + 1, depthError));
  if (isAlias(node)) return undefined;
  return undefined;
}

/**
 * Cheap guard against pathological nesting before the YAML composer (which
 * recurses) sees it: counts open brackets and indentation steps.
 */
function exceedsFlowDepth(text: string): boolean {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  if (max > MAX_DEPTH * 4) return true;
  let indentDepth = 0;
  const stack: number[] = [];
  for (const line of text.split('\n')) {
    const m = /^( *)(- )*/.exec(line);
    const indent = m ? m[0].length : 0;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    while (stack.length > 0 && stack[stack.length - 1]! >= indent) stack.pop();
    stack.push(indent);
    indentDepth = Math.max(indentDepth, stack.length);
    if (indentDepth > MAX_DEPTH * 4) return true;
  }
  return false;
}

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'has the same key twice in one mapping';
    case 'TAB_AS_INDENT':
      return 'is indented with a tab';
    default: {
      const first = message.split('\n')[0] ?? message;
      const cleaned = first.replace(/ at line \d+, column \d+.*$/, '');
      return `is not valid YAML: ${cleaned.charAt(0).toLowerCase()}${cleaned.slice(1)}`;
    }
  }
}
