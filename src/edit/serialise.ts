import { Document, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { YamlStyle } from './style.js';

/** Text longer than this is written as a folded block (`>-`), as in the sample data. */
const FOLD_AFTER = 72;
/** Line width the YAML writer wraps folded text at. */
const LINE_WIDTH = 92;

/**
 * Writes a value as YAML lines in the given style, each line indented by
 * `column` spaces (blank lines stay empty, so block text keeps its meaning).
 * Only the new value is serialised, never the file it goes into. Lists of
 * plain values are written inline (`[2, 5]`), long text as folded blocks.
 * `itemGap` is the column of a list item's content after its dash.
 */
export function yamlLines(value: unknown, style: YamlStyle, column: number, itemGap = 2): string[] {
  const doc = new Document(value, { version: '1.2' });
  visit(doc, {
    Seq(_key, seq) {
      if (
        isSeq(seq) &&
        seq.items.length > 0 &&
        seq.items.every((item) => isScalar(item) && !String(item.value).includes('\n'))
      )
        seq.flow = true;
    },
    Scalar(_key, scalar) {
      if (isLongPlainText(scalar)) scalar.type = Scalar.BLOCK_FOLDED;
    },
  });
  const text = doc.toString({
    indent: style.indent,
    indentSeq: style.indentSeq,
    flowCollectionPadding: false,
    lineWidth: Math.max(40, LINE_WIDTH - column),
  });
  const pad = ' '.repeat(column);
  const lines = text.replace(/\n$/, '').split('\n');
  return (Array.isArray(value) && itemGap > 2 ? widenItemGap(lines, itemGap) : lines).map((line) =>
    line === '' ? line : pad + line,
  );
}

/**
 * Writes a list item as `-   key: value` when the file puts more than one
 * space after its dashes: the item's first line gets the wider gap and its
 * other lines move right by as much, so its structure is unchanged.
 */
function widenItemGap(lines: readonly string[], gap: number): string[] {
  const extra = ' '.repeat(gap - 2);
  return lines.map((line, i) =>
    i === 0 ? line.replace(/^- /, `-${' '.repeat(gap - 1)}`) : line === '' ? line : extra + line,
  );
}

/** A single-line flow rendering, for adding to a list written `[a, b]`. JSON is valid YAML flow. */
export function flowText(value: unknown): string {
  return JSON.stringify(value);
}

function isLongPlainText(scalar: Scalar): boolean {
  const v = scalar.value;
  return typeof v === 'string' && v.length > FOLD_AFTER && !v.includes('\n') && v.trim() === v && !/ {2}/.test(v);
}
