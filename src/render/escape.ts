import type { PhrasingContent, Root } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';

/**
 * Escaping of data values for the Markdown the templates produce. The work is
 * done by mdast-util-to-markdown, which knows every construct a character
 * could start. A value of one line that starts with a letter or digit (but
 * not like a list item, `1.` or `1)`) and holds only letters, digits, spaces
 * and punctuation that starts nothing mid-line cannot need escaping, so it is
 * passed through without the cost of a serialiser call: most sentences are.
 * tests/render/escape.test.ts checks the shortcut agrees with the serialiser.
 */
export const PLAIN = /^(?!\d+[.)])[\p{L}\p{N}][\p{L}\p{N} ,;:.'"?£%/@()’‘“”–—-]*$/u;

const tableExtension = gfmTableToMarkdown();

function lines(value: string): string[] {
  return value.replace(/\r\n?/g, '\n').split('\n');
}

function phrasing(value: string, lineBreak: () => PhrasingContent): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  lines(value).forEach((line, i) => {
    if (i > 0) out.push(lineBreak());
    if (line !== '') out.push({ type: 'text', value: line });
  });
  return out;
}

/** A template's value as text: whatever the model holds (text, a number), as String() writes it. */
function textOf(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- templates may pass any value; String() is what Handlebars would print
  return String(value ?? '');
}

/**
 * A value in running text or at the start of a line: inline syntax and block
 * markers (`#`, `-`, `1.`, `>`) are escaped; a newline becomes a hard line break.
 */
export function escapeText(value: unknown): string {
  // Whitespace around a paragraph carries no meaning in Markdown, and a
  // trailing line break would leave a stray backslash: trim it.
  const s = textOf(value).trim();
  return PLAIN.test(s) ? s : serialiseText(s);
}

/** escapeText without the shortcut: always through the serialiser. */
export function serialiseText(s: string): string {
  if (s.trim() === '') return '';
  const tree: Root = {
    type: 'root',
    children: [{ type: 'paragraph', children: phrasing(s, () => ({ type: 'break' })) }],
  };
  return toMarkdown(tree).replace(/\n$/, '');
}

/** A value that must stay on one line (a heading, a bold label): newlines become spaces. */
export function escapeInline(value: unknown): string {
  return escapeText(textOf(value).replace(/\s*[\r\n]+\s*/g, ' '));
}

/** A value in a GFM table cell: pipes are escaped and a newline becomes `<br>`. */
export function escapeCell(value: unknown): string {
  const s = textOf(value).trim();
  return PLAIN.test(s) ? s : serialiseCell(s);
}

/** escapeCell without the shortcut: always through the serialiser. */
export function serialiseCell(s: string): string {
  if (s.trim() === '') return '';
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'table',
        children: [
          {
            type: 'tableRow',
            children: [{ type: 'tableCell', children: phrasing(s, () => ({ type: 'html', value: '<br>' })) }],
          },
        ],
      },
    ],
  };
  const first = toMarkdown(tree, { extensions: [tableExtension] }).split('\n')[0] ?? '';
  return first.replace(/^\| ?/, '').replace(/ ?\|$/, '');
}

/** An image on a line of its own, `![alt](url "title")`, written by the serialiser so that any alt text or title survives. */
export function imageMarkdown(url: string, alt: string, title: string): string {
  const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');
  return toMarkdown({
    type: 'paragraph',
    children: [{ type: 'image', url, alt: oneLine(alt), title: oneLine(title) }],
  }).replace(/\n$/, '');
}

/** Words in parts, some in bold (an Easy Read row's hard words), as one line of Markdown: each part escaped by the serialiser. */
export function phrasesMarkdown(parts: readonly { text: string; bold: boolean }[]): string {
  const children: PhrasingContent[] = parts
    .filter((p) => p.text !== '')
    .map((p) => {
      const value: PhrasingContent = { type: 'text', value: p.text.replace(/\s*[\r\n]+\s*/g, ' ') };
      return p.bold ? { type: 'strong', children: [value] } : value;
    });
  if (children.length === 0) return '';
  return toMarkdown({ type: 'paragraph', children }).replace(/\n$/, '');
}
