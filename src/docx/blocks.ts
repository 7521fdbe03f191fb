import type { Heading, Image, List, Paragraph as MdParagraph, Root, RootContent } from 'mdast';
import { lineBreak, phrasingRuns, textRuns } from './inline.js';
import { parseMarkdown } from './parse.js';
import { NO_BREAK_HYPHEN, PICTURE_COLUMN } from './spec.js';
import type {
  BlockSpec,
  ImageSpec,
  InlineSpec,
  NumberingSpec,
  ParagraphProperties,
  ParagraphSpec,
  RowSpec,
  TableSpec,
} from './spec.js';
import type { ResolvedStyle } from './style.js';
import { mapTable } from './table.js';
import { textContent } from './text.js';

/**
 * What block mapping shares across one Word document: the council's style and
 * a counter that gives every numbered list its own numbering instance, so each
 * list counts from its own start even when several papers are combined.
 */
export interface BlockContext {
  style: ResolvedStyle;
  /** The width between the margins of the document's template, in DXA: tables fill it. */
  textWidth: number;
  /** Images the Markdown links to by file name (a paper's charts), to embed where a paragraph holds only one. */
  images: PaperImages;
  nextListInstance(): number;
}

/** A PNG image by file name, with its size in CSS pixels (96 to the inch). */
export type PaperImages = ReadonlyMap<string, SuppliedImage>;

/** An image drawn for a paper: PNG bytes and its size in CSS pixels. */
export interface SuppliedImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** A list as its numbering sees it: bulleted, or numbered from `start`. */
export interface ListUse {
  ordered: boolean;
  start: number;
}

/** A context for one Word document; pass the same one for every paper combined into it. */
export function createBlockContext(
  style: ResolvedStyle,
  textWidth: number,
  images: PaperImages = new Map(),
): BlockContext {
  let instance = 0;
  return { style, textWidth, images, nextListInstance: () => ++instance };
}

/** How a Markdown list is numbered. */
export function listUse(node: List): ListUse {
  return { ordered: node.ordered === true, start: node.start ?? 1 };
}

/** The numbering of a list's paragraphs: every numbered list is its own instance, so it counts from its own start. */
export function listNumbering(use: ListUse, level: number, ctx: BlockContext): NumberingSpec {
  return use.ordered
    ? { list: 'ordered', level: Math.min(level, 8), start: use.start, instance: ctx.nextListInstance() }
    : { list: 'bullet', level: Math.min(level, 8), start: 1, instance: 0 };
}

/** A paragraph that opens with a legal number, "2.1 " or "2.1.3 ", as the templates write them. */
const LEGAL_NUMBER = /^(\d+(?:\.\d+)+)\.?[ \t]+/;

interface State {
  ctx: BlockContext;
  /** Extra left indent from enclosing block quotes or list items, in DXA. */
  indent: number;
  /** Set after a numbered paragraph: the paragraphs that follow it in its section line up with its text. */
  hang: number;
}

/** The hanging indent of numbered paragraphs: room for "2.1.10" at the body size. */
function hangingIndent(style: ResolvedStyle): number {
  return Math.round(style.size * 71);
}

function heading(node: Heading, state: State, extra: ParagraphProperties): ParagraphSpec {
  state.hang = 0;
  return { kind: 'paragraph', ...extra, heading: node.depth, children: phrasingRuns(node.children) };
}

/** "2.1 text" keeps its number as text, followed by a tab to the hanging indent, as council reports are laid out. */
function numberedRuns(node: MdParagraph): { children: InlineSpec[]; numbered: boolean } {
  const first = node.children[0];
  const match = first?.type === 'text' ? LEGAL_NUMBER.exec(first.value) : null;
  if (!first || first.type !== 'text' || !match) return { children: phrasingRuns(node.children), numbered: false };
  const rest = first.value.slice(match[0].length);
  return {
    numbered: true,
    children: [
      ...textRuns(`${match[1]}\t`, {}),
      ...phrasingRuns([{ ...first, value: rest }, ...node.children.slice(1)]),
    ],
  };
}

/** An image the paper supplies (a chart or a picture), drawn at `scale` of its size, with its alternative text and title. */
function suppliedImage(node: Image, drawn: SuppliedImage, scale: number): ImageSpec {
  return {
    kind: 'image',
    name: node.url.replace(/\.png$/, ''),
    data: drawn.png,
    type: 'png',
    width: Math.max(1, Math.floor(drawn.width * scale)),
    height: Math.max(1, Math.round(drawn.height * scale)),
    alt: node.alt ?? '',
    ...(node.title ? { title: node.title } : {}),
  };
}

/**
 * A paragraph of nothing but images the paper supplies (its charts), side by
 * side: the images, scaled down together only if they would be wider than
 * the text.
 */
function imageParagraph(node: MdParagraph, state: State, extra: ParagraphProperties): ParagraphSpec | undefined {
  const images = node.children.filter((c) => c.type === 'image');
  const others = node.children.filter((c) => c.type !== 'image');
  if (images.length === 0 || others.some((c) => c.type !== 'text' || c.value.trim() !== '')) return undefined;
  const found = images.map((i) => ({ node: i, image: state.ctx.images.get(i.url) }));
  if (found.some((f) => f.image === undefined)) return undefined;
  // Twentieths of a point per CSS pixel: 1440 to the inch against 96.
  const scale = Math.min(1, state.ctx.textWidth / 15 / found.reduce((sum, f) => sum + f.image!.width + 4, 0));
  const children: InlineSpec[] = [];
  for (const [i, { node: image, image: drawn }] of found.entries()) {
    if (i > 0) children.push(...textRuns(' ', {}));
    children.push(suppliedImage(image, drawn!, scale));
  }
  return { kind: 'paragraph', ...extra, spacing: { before: extra.spacing?.before ?? 0, after: 60 }, children };
}

/**
 * A paragraph that starts with an image the paper supplies and goes on with
 * words (an Easy Read row: `![alt](picture.png) Words.`), as a row of a
 * picture cell beside a words cell.
 */
function pictureRow(node: RootContent, state: State): RowSpec | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [first, ...rest] = node.children;
  if (first?.type !== 'image') return undefined;
  const image = state.ctx.images.get(first.url);
  if (!image) return undefined;
  const words = rest[0]?.type === 'text' ? [{ ...rest[0], value: rest[0].value.trimStart() }, ...rest.slice(1)] : rest;
  // Words, not more images: images side by side are a chart paragraph.
  if (words.some((w) => w.type === 'image') || words.every((w) => textContent(w).trim() === '')) return undefined;
  // Twentieths of a point per CSS pixel: 1440 to the inch against 96.
  const picture = suppliedImage(first, image, Math.min(1, (PICTURE_COLUMN - 120) / 15 / image.width));
  const cell = (width: number, children: InlineSpec[]) => ({
    width,
    paragraph: { kind: 'paragraph' as const, spacing: { before: 0, after: 0 }, children },
  });
  return {
    header: false,
    cells: [
      cell(PICTURE_COLUMN, [picture]),
      cell(state.ctx.textWidth - PICTURE_COLUMN, unbrokenWords(phrasingRuns(words))),
    ],
  };
}

/** A row's words with each hyphen inside a word unbreakable: Easy Read never splits a word ("co-production") across lines. */
function unbrokenWords(runs: InlineSpec[]): InlineSpec[] {
  return runs.map((run) =>
    run.kind === 'run'
      ? {
          ...run,
          children: run.children.map((c) =>
            typeof c === 'string' ? c.replace(/(?<=\p{L})-(?=\p{L})/gu, NO_BREAK_HYPHEN) : c,
          ),
        }
      : run,
  );
}

/** A run of picture rows as one borderless table (`layout: 'rows'`). */
function rowsTable(state: State): TableSpec {
  return { kind: 'table', layout: 'rows', widths: [PICTURE_COLUMN, state.ctx.textWidth - PICTURE_COLUMN], rows: [] };
}

function paragraph(node: MdParagraph, state: State, extra: ParagraphProperties): ParagraphSpec {
  const image = imageParagraph(node, state, extra);
  if (image) return image;
  const { children, numbered } = numberedRuns(node);
  if (numbered) {
    const hang = hangingIndent(state.ctx.style);
    state.hang = hang;
    return { kind: 'paragraph', ...extra, indent: { left: state.indent + hang, hanging: hang }, children };
  }
  const left = state.indent + state.hang;
  return { kind: 'paragraph', ...extra, ...(left > 0 ? { indent: { left } } : {}), children };
}

/** Lines of literal text (raw HTML, code) as one paragraph with real line breaks. */
function literal(value: string, state: State, code: boolean): ParagraphSpec {
  const children: InlineSpec[] = [];
  value.split(/\r\n?|\n/).forEach((line, i) => {
    if (i > 0) children.push(lineBreak({ code }));
    children.push(...textRuns(line, { code }));
  });
  return { kind: 'paragraph', ...(state.indent > 0 ? { indent: { left: state.indent } } : {}), children };
}

function list(node: List, level: number, state: State): BlockSpec[] {
  const numbering = listNumbering(listUse(node), level, state.ctx);
  const inner: State = { ...state, indent: state.indent + 567 * (level + 1), hang: 0 };
  const out: BlockSpec[] = [];
  for (const item of node.children) {
    const [first, ...rest] = item.children;
    const lead = first?.type === 'paragraph' ? phrasingRuns(first.children) : [];
    out.push({ kind: 'paragraph', numbering, spacing: { after: 80 }, children: lead });
    const others = first?.type === 'paragraph' ? rest : item.children;
    for (const child of others) {
      append(out, child.type === 'list' ? list(child, level + 1, state) : blocks([child], inner));
    }
  }
  return out;
}

/** Maps one block; `extra` is added to the paragraph it makes (space after a table, a page break). */
function block(node: RootContent, state: State, extra: ParagraphProperties): BlockSpec[] {
  switch (node.type) {
    case 'heading':
      return [heading(node, state, extra)];
    case 'paragraph':
      return [paragraph(node, state, extra)];
    case 'list':
      state.hang = 0;
      return list(node, 0, state);
    case 'table':
      return [mapTable(node, state.ctx.style, state.ctx.textWidth)];
    case 'blockquote':
      return blocks(node.children, { ...state, indent: state.indent + 567 });
    case 'thematicBreak':
      return [{ kind: 'paragraph', thematicBreak: true, children: [] }];
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value.trim())
        ? [{ kind: 'paragraph', children: [] }]
        : [literal(node.value, state, false)];
    case 'code':
      return [literal(node.value, state, true)];
    case 'definition':
      // A link definition shows nothing in Markdown either; the links that use it keep their text.
      return [];
    default: {
      // Anything else keeps its words rather than being dropped.
      const text = textContent(node);
      return text.trim() === '' ? [] : [{ kind: 'paragraph', ...extra, children: textRuns(text, {}) }];
    }
  }
}

function blocks(nodes: readonly RootContent[], state: State): BlockSpec[] {
  const out: BlockSpec[] = [];
  let rows: TableSpec | undefined;
  for (const [i, node] of nodes.entries()) {
    // Picture rows that follow one another make one table.
    const row = pictureRow(node, state);
    if (row) {
      if (!rows) {
        if (out[out.length - 1]?.kind === 'table') out.push(spacerSpec());
        out.push((rows = rowsTable(state)));
      }
      rows.rows.push(row);
      continue;
    }
    rows = undefined;
    const afterTable = out[out.length - 1]?.kind === 'table';
    const next = nodes[i + 1];
    // A thematic break before a heading (`---`, as before an appendix) starts a new page in Word.
    if (node.type === 'thematicBreak' && next?.type === 'heading') continue;
    const newPage = nodes[i - 1]?.type === 'thematicBreak' && node.type === 'heading';
    const mapped = block(node, state, {
      ...(afterTable ? { spacing: { before: 200 } } : {}),
      ...(newPage ? { pageBreakBefore: true } : {}),
    });
    // Word merges two tables that touch into one; a small paragraph keeps them apart.
    if (afterTable && mapped[0]?.kind === 'table') out.push(spacerSpec());
    append(out, mapped);
  }
  return out;
}

/** Appends one by one: push(...list) overflows the call's arguments for a list of many thousand items. */
function append<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** An empty paragraph: between tables, so Word does not merge two tables that touch. */
export function spacerSpec(): ParagraphSpec {
  return { kind: 'paragraph', spacing: { before: 0, after: 0 }, children: [] };
}

/**
 * One Markdown paper as Word blocks (plain data, `spec.ts`) for the writer.
 * Several papers' blocks can go into one document (a Board pack) with one
 * shared context, so every numbered list stays its own.
 */
export function markdownToBlocks(markdown: string | Root, ctx: BlockContext): BlockSpec[] {
  const tree = typeof markdown === 'string' ? parseMarkdown(markdown) : markdown;
  const state: State = { ctx, indent: 0, hang: 0 };
  return blocks(tree.children, state);
}
