import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { flowText, yamlLines } from './serialise.js';
import { seqIndicatorOffset, type YamlStyle } from './style.js';
import { atLineStart, columnOf, indentOf, isBlankLine, lineAt, lineStartOf, nextLineStart } from './text.js';

/** The file cannot be added to without rewriting what is there; the message says why. */
export class EditError extends Error {}

/** The edited text, and where the new entry sits in it. */
export interface Appended {
  text: string;
  /** Offsets of the inserted text in the new text. */
  range: [number, number];
}

/**
 * Appends `item` to the list under `key` in the mapping at `owner` (a path of
 * keys and indexes from the top of the file), by splicing its text into the
 * original: nothing else in the file changes. Creates the key when it is
 * absent, and turns an empty list (`[]`, `~` or nothing) into a block list.
 */
export function appendToList(
  text: string,
  doc: Document.Parsed,
  owner: readonly (string | number)[],
  key: string,
  item: unknown,
  style: YamlStyle,
): Appended {
  const map = owner.length === 0 ? doc.contents : doc.getIn(owner, true);
  if (!isMap(map) || map.flow)
    throw new EditError(`${describe(owner)} is not written as a block mapping (one key per line)`);
  const pair = map.items.find((p): p is Pair<Node, Node | null> => isPair(p) && isScalar(p.key) && p.key.value === key);
  if (!pair) return appendPair(text, map, key, item, style);
  const value = pair.value;
  if (isSeq(value) && !value.flow && value.items.length > 0) return appendBlockItem(text, value, item, style);
  if (isSeq(value) && value.flow && value.items.length > 0) return appendFlowItem(text, value, item);
  if (value === null || (isSeq(value) && value.items.length === 0) || (isScalar(value) && value.value === null)) {
    return replaceEmpty(text, pair, value, item, style);
  }
  throw new EditError(`\`${key}\` in ${describe(owner)} is not a list`);
}

function describe(owner: readonly (string | number)[]): string {
  return owner.length === 0 ? 'the file' : `\`${owner.join('.')}\``;
}

/** Adds `- item` after the last item of a block list, at the same column as its `-`. */
function appendBlockItem(text: string, seq: YAMLSeq, item: unknown, style: YamlStyle): Appended {
  const dash = seqIndicatorOffset(seq, -1);
  if (dash === undefined) throw new EditError("the list's layout could not be read");
  const column = columnOf(text, dash);
  const last = seq.items[seq.items.length - 1] as Node;
  const at = endOfEntry(text, contentEnd(last), column);
  const spaced = seq.items.length > 1 && precededByBlankLine(text, lineStartOf(text, dash));
  const gap =
    isMap(last) && !last.flow && last.range && lineStartOf(text, last.range[0]) === lineStartOf(text, dash)
      ? last.range[0] - dash
      : 2;
  return insertLines(text, at, yamlLines([item], style, column, gap), style, spaced);
}

/** Adds `key:` with a one-item list after the last entry of a mapping that lacks the key. */
function appendPair(text: string, map: YAMLMap, key: string, item: unknown, style: YamlStyle): Appended {
  const first = map.items[0]?.key as Node | undefined;
  if (!first?.range) throw new EditError('the mapping is empty');
  const column = columnOf(text, first.range[0]);
  const at = endOfEntry(text, contentEnd(map), column);
  return insertLines(text, at, yamlLines({ [key]: [item] }, style, column), style, false);
}

/** Replaces an empty value (`[]`, `~`, nothing) with a block list of one item on the lines below the key. */
function replaceEmpty(
  text: string,
  pair: Pair<Node, Node | null>,
  value: Node | null,
  item: unknown,
  style: YamlStyle,
): Appended {
  const keyStart = pair.key.range![0];
  const column = columnOf(text, keyStart) + (style.indentSeq ? style.indent : 0);
  let cutStart = value?.range ? value.range[0] : pair.key.range![1];
  const cutEnd = value?.range ? value.range[1] : cutStart;
  if (cutEnd > cutStart) while (cutStart > 0 && (text[cutStart - 1] === ' ' || text[cutStart - 1] === '\t')) cutStart--;
  const lineEnd = nextLineStart(text, cutEnd);
  const at = endOfEntry(text, lineEnd, columnOf(text, keyStart));
  const cut = text.slice(0, cutStart) + text.slice(cutEnd);
  const shift = cutEnd - cutStart;
  return insertLines(cut, at - shift, yamlLines([item], style, column), style, false);
}

/** Inserts `, item` before the closing bracket of a list written `[a, b]`. */
function appendFlowItem(text: string, seq: YAMLSeq, item: unknown): Appended {
  const close = seq.range![1] - 1;
  if (text[close] !== ']') throw new EditError("the list's closing bracket could not be found");
  let last = close - 1;
  while (last > 0 && /\s/.test(text[last]!)) last--;
  const insert = `${text[last] === ',' ? ' ' : ', '}${flowText(item)}`;
  const at = last + 1;
  return { text: text.slice(0, at) + insert + text.slice(at), range: [at, at + insert.length] };
}

/**
 * Where the text of a node's last value ends: a block collection ends with
 * its last item or entry, so comments and blank lines after it (which the
 * parser may count in its range) are not part of it.
 */
export function contentEnd(node: Node): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) return last.value ? contentEnd(last.value as Node) : (last.key as Node).range![1];
    return contentEnd(last as Node);
  }
  return node.range![1];
}

/**
 * The line after an entry ending at `end`: past the rest of its last line,
 * then past comment lines indented deeper than `column`, and blank lines
 * between them (such comments belong to the entry, so they stay with it).
 */
function endOfEntry(text: string, end: number, column: number): number {
  let at = atLineStart(text, end) ? end : nextLineStart(text, end);
  for (let scan = at; scan < text.length; scan = nextLineStart(text, scan)) {
    const line = lineAt(text, scan);
    if (isBlankLine(line)) continue;
    if (!/^\s*#/.test(line) || indentOf(line) <= column) break;
    at = nextLineStart(text, scan);
  }
  return at;
}

/** Whether the line before `lineStart` is blank: the list separates its items with blank lines. */
function precededByBlankLine(text: string, lineStart: number): boolean {
  return lineStart > 0 && isBlankLine(lineAt(text, lineStartOf(text, lineStart - 1)));
}

/** Splices whole lines in at a line start (or at the very end of a file without a final line break). */
function insertLines(text: string, at: number, lines: readonly string[], style: YamlStyle, spaced: boolean): Appended {
  const { eol } = style;
  const openLine = !atLineStart(text, at);
  const before = (openLine ? eol : '') + (spaced ? eol : '');
  const body = lines.join(eol);
  const after = openLine ? '' : eol;
  const insert = before + body + after;
  return {
    text: text.slice(0, at) + insert + text.slice(at),
    range: [at + before.length, at + before.length + body.length],
  };
}
