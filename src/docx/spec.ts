import { HEADER_FILL } from './style.js';

/**
 * Word blocks as plain data: what the Markdown mapping decides, before the
 * one writer (`writer.ts`) writes them out as WordprocessingML.
 */

/** A run of text: strings and tabs, or a line break, with its formatting. */
export interface RunSpec {
  kind: 'run';
  bold?: boolean;
  italics?: boolean;
  /** A font other than the body font (code). */
  font?: string;
  /** A character style (links). */
  style?: string;
  /** A line break instead of text. */
  break?: boolean;
  children: (string | typeof TAB)[];
}

/** A hyphen no line breaks at, in a run's text: the writer writes Word's w:noBreakHyphen. */
export const NO_BREAK_HYPHEN = '\u2011';

/** A tab among a run's text. */
export const TAB = { tab: true } as const;

/** A hyperlink: to an address outside the document, or (`anchor`) to a bookmark in it. */
export interface LinkSpec {
  kind: 'link';
  url?: string;
  anchor?: string;
  children: InlineSpec[];
}

/** An image in the text, from the document's media: its bytes, size in pixels at 96 to the inch, and alternative text. */
export interface ImageSpec {
  kind: 'image';
  /** The image's name in the document, e.g. "Logo". */
  name: string;
  data: Uint8Array;
  type: 'png' | 'jpg';
  width: number;
  height: number;
  alt: string;
  /** A short title (Word's image title); the alternative text when not given. */
  title?: string;
}

export type InlineSpec = RunSpec | LinkSpec | ImageSpec;

/** How a list paragraph is numbered: which kind of list, its nesting level, and which instance (each numbered list counts on its own). */
export interface NumberingSpec {
  list: 'bullet' | 'ordered';
  level: number;
  /** Where a numbered list's top level starts. */
  start: number;
  instance: number;
}

export interface ParagraphProperties {
  /** Heading level, 1 to 6. */
  heading?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  numbering?: NumberingSpec;
  thematicBreak?: boolean;
  spacing?: { before?: number; after?: number };
  indent?: { left?: number; hanging?: number };
  alignment?: 'left' | 'center' | 'right';
  /** A bookmark round the paragraph's text (a contents entry links to it). */
  bookmark?: string;
  /** A right-aligned tab stop with a dotted leader at this position (contents entries). */
  rightTab?: number;
}

export interface ParagraphSpec extends ParagraphProperties {
  kind: 'paragraph';
  children: InlineSpec[];
}

export interface CellSpec {
  width: number;
  paragraph: ParagraphSpec;
}

export interface RowSpec {
  /** The header row: repeated on every page, shaded, read out as column headers. */
  header: boolean;
  cells: CellSpec[];
}

/**
 * A table of fixed layout across the text width, thin borders on every cell.
 * `layout: 'rows'` is not data but a layout of pictures beside words (an
 * Easy Read companion's rows): no borders, no header row, and each row kept
 * on one page with its words centred beside its picture.
 */
export interface TableSpec {
  kind: 'table';
  widths: number[];
  rows: RowSpec[];
  layout?: 'rows';
}

export type BlockSpec = ParagraphSpec | TableSpec;

/** Table borders, cell margins and header shading: the same for every table that has no table style of its own. */
export const TABLE_BORDER = { style: 'single', size: 4, color: '595959' } as const;
export const CELL_MARGINS = { top: 57, bottom: 57, left: 115, right: 115 };
/** A picture row's cell margins: room above and below each row. */
export const ROW_CELL_MARGINS = { top: 113, bottom: 113, left: 0, right: 170 };
/** The picture column of picture rows: 2.5 cm, in DXA. */
export const PICTURE_COLUMN = 1417;
export const HEADER_SHADING = { type: 'clear', color: 'auto', fill: HEADER_FILL } as const;
