import type { Nodes, PhrasingContent } from 'mdast';
import { TAB, type InlineSpec, type RunSpec } from './spec.js';
import { textContent, wordSafe } from './text.js';

/** Character formatting inherited from enclosing strong, emphasis, code or link nodes. */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  link?: boolean;
}

const MONOSPACE = 'Courier New';

/** `<br>`, `<br/>` or `<br />`: how a table cell (and raw HTML) writes a line break. */
const BR = /^<br\s*\/?>$/i;

function runOptions(format: RunFormat): Omit<RunSpec, 'kind' | 'children'> {
  return {
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.code ? { font: MONOSPACE } : {}),
    ...(format.link ? { style: 'Hyperlink' } : {}),
  };
}

/**
 * Runs for a piece of text. A soft line ending in Markdown is a space (as
 * CommonMark renders it); a tab becomes Word's tab so it is kept as one.
 */
export function textRuns(value: string, format: RunFormat): RunSpec[] {
  const text = wordSafe(value).replace(/\r\n?|\n/g, ' ');
  if (text === '') return [];
  const children: RunSpec['children'] = [];
  text.split('\t').forEach((part, i) => {
    if (i > 0) children.push(TAB);
    if (part !== '') children.push(part);
  });
  return [{ kind: 'run', ...runOptions(format), children }];
}

/** A real line break, as Word's Shift+Enter makes. */
export function lineBreak(format: RunFormat): RunSpec {
  return { kind: 'run', ...runOptions(format), break: true, children: [] };
}

/** Links Word can follow from outside the document; anything else is shown as text. */
export function isExternal(url: string): boolean {
  return /^(https?:|mailto:|tel:)/i.test(url);
}

function link(node: Extract<PhrasingContent, { type: 'link' }>, format: RunFormat): InlineSpec[] {
  // A link must say where it goes: one with no text is given its address as its text.
  const children: Nodes[] = textContent(node).trim() === '' ? [{ type: 'text', value: node.url }] : node.children;
  if (!isExternal(node.url)) return phrasingRuns(children, format);
  return [{ kind: 'link', url: node.url, children: phrasingRuns(children, { ...format, link: true }) }];
}

function phrasingRun(node: Nodes, format: RunFormat): InlineSpec[] {
  switch (node.type) {
    case 'text':
      return textRuns(node.value, format);
    case 'strong':
      return phrasingRuns(node.children, { ...format, bold: true });
    case 'emphasis':
      return phrasingRuns(node.children, { ...format, italics: true });
    case 'inlineCode':
      return textRuns(node.value, { ...format, code: true });
    case 'break':
      return [lineBreak(format)];
    case 'html':
      return BR.test(node.value.trim()) ? [lineBreak(format)] : textRuns(node.value, format);
    case 'link':
      return link(node, format);
    default:
      // Nodes with no Word equivalent (images, references, footnotes) keep their words.
      return textRuns(textContent(node), format);
  }
}

/** Maps Markdown inline content (mdast phrasing nodes) to Word runs and hyperlinks. */
export function phrasingRuns(nodes: readonly Nodes[], format: RunFormat = {}): InlineSpec[] {
  return nodes.flatMap((node) => phrasingRun(node, format));
}
