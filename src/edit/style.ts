import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { columnOf, detectEol } from './text.js';

/** How a file writes its YAML, so new entries look like their neighbours. */
export interface YamlStyle {
  /** Spaces per indentation level of nested mappings. */
  indent: number;
  /** Whether a list under a key is indented (`key:\n  - a`) rather than level with it (`key:\n- a`). */
  indentSeq: boolean;
  eol: '\n' | '\r\n';
}

/** The style of a new file: two spaces, indented lists, line feeds (as in the sample data). */
export const DEFAULT_STYLE: YamlStyle = { indent: 2, indentSeq: true, eol: '\n' };

/**
 * Reads the style of a parsed file from its block collections: the most
 * common step between a key and the keys of the mapping under it, and
 * whether lists under keys are mostly indented. Falls back to the default
 * for what the file does not show.
 */
export function detectStyle(text: string, doc: Document.Parsed): YamlStyle {
  const steps = new Map<number, number>();
  let indented = 0;
  let level = 0;
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return;
      const value = pair.value as Node | null;
      if (!value?.range || !(isMap(value) || isSeq(value)) || value.flow) return;
      const keyColumn = columnOf(text, pair.key.range[0]);
      const first = isMap(value) ? (value.items[0]?.key as Node | undefined)?.range?.[0] : seqIndicatorOffset(value);
      if (first === undefined) return;
      const step = columnOf(text, first) - keyColumn;
      if (isSeq(value)) {
        if (step > 0) indented++;
        else if (step === 0) level++;
      }
      if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
    },
  });
  const indent = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? DEFAULT_STYLE.indent;
  return {
    indent,
    indentSeq: indented + level === 0 ? DEFAULT_STYLE.indentSeq : indented >= level,
    eol: detectEol(text),
  };
}

/** Offset of the `-` of a block list's first item (from the parser's source tokens). */
export function seqIndicatorOffset(seq: Node, index = 0): number | undefined {
  const token = (seq as { srcToken?: { type: string; items?: { start: { type: string; offset: number }[] }[] } })
    .srcToken;
  if (token?.type !== 'block-seq') return undefined;
  const item = token.items?.[index < 0 ? token.items.length + index : index];
  return item?.start.find((t) => t.type === 'seq-item-ind')?.offset;
}
