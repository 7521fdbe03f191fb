import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';

/** Parses Markdown as GitHub does for tables, into mdast. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** Collapses every run of whitespace to one space. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text a reader gets from a node: text and code values, with a line
 * break (or the `<br>` coprod writes for a newline inside a table cell) read
 * as a space, and blocks separated by spaces.
 */
export function readText(node: Nodes): string {
  if (node.type === 'break') return ' ';
  if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value) ? ' ' : node.value;
  if ('value' in node) return node.value;
  if ('children' in node)
    return (node.children as Nodes[])
      .map(readText)
      .join(node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' ? '' : ' ');
  return '';
}

/** What a document's structure consists of: its headings (depth and text), tables (cells per row) and top-level blocks. */
export interface Skeleton {
  blocks: string[];
  headings: { depth: number; text: string }[];
  tables: number[][];
}

export function skeleton(root: Root): Skeleton {
  const out: Skeleton = { blocks: [], headings: [], tables: [] };
  for (const node of root.children) {
    out.blocks.push(node.type === 'list' ? `list(${node.children.length})` : node.type);
    if (node.type === 'heading') out.headings.push({ depth: node.depth, text: normalise(readText(node)) });
    if (node.type === 'table') out.tables.push(node.children.map((row) => row.children.length));
  }
  return out;
}
