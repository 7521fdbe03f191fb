import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import { HEADER_FILL, TEXT_WIDTH } from './style.js';

/**
 * Word blocks as plain data: what the Markdown mapping decides, before it is
 * made into docx objects (`toDocx`) or written straight out as
 * WordprocessingML (`src/docx/write-xml.ts`), which gives the same XML.
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

/** A tab among a run's text. */
export const TAB = { tab: true } as const;

export interface LinkSpec {
  kind: 'link';
  url: string;
  children: InlineSpec[];
}

export type InlineSpec = RunSpec | LinkSpec;

export interface ParagraphProperties {
  /** Heading level, 1 to 6. */
  heading?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  numbering?: { reference: NumberingDefinition; level: number; instance?: number };
  thematicBreak?: boolean;
  spacing?: { before?: number; after?: number };
  indent?: { left?: number; hanging?: number };
  alignment?: 'left' | 'center' | 'right';
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

/** A table of fixed layout across the text width, thin borders on every cell. */
export interface TableSpec {
  kind: 'table';
  widths: number[];
  rows: RowSpec[];
}

export type BlockSpec = ParagraphSpec | TableSpec;

/** Table borders, cell margins and header shading: the same for every table. */
export const TABLE_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '595959' };
export const CELL_MARGINS = { top: 57, bottom: 57, left: 115, right: 115 };
export const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL };

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function inlineToDocx(spec: InlineSpec): ParagraphChild {
  if (spec.kind === 'link') return new ExternalHyperlink({ link: spec.url, children: spec.children.map(inlineToDocx) });
  const format = {
    ...(spec.bold ? { bold: true } : {}),
    ...(spec.italics ? { italics: true } : {}),
    ...(spec.font ? { font: spec.font } : {}),
    ...(spec.style ? { style: spec.style } : {}),
  };
  if (spec.break) return new TextRun({ ...format, break: 1 });
  return new TextRun({ ...format, children: spec.children.map((c) => (typeof c === 'string' ? c : new Tab())) });
}

function paragraphToDocx(spec: ParagraphSpec): Paragraph {
  const { kind: _kind, children, heading, alignment, ...rest } = spec;
  return new Paragraph({
    ...rest,
    ...(heading !== undefined ? { heading: HEADINGS[heading - 1] } : {}),
    ...(alignment ? { alignment: ALIGN[alignment] } : {}),
    children: children.map(inlineToDocx),
  });
}

function tableToDocx(spec: TableSpec): Table {
  const B = TABLE_BORDER;
  return new Table({
    rows: spec.rows.map(
      (row) =>
        new TableRow({
          ...(row.header ? { cantSplit: true, tableHeader: true } : {}),
          children: row.cells.map(
            (cell) =>
              new TableCell({
                width: { size: cell.width, type: WidthType.DXA },
                margins: CELL_MARGINS,
                ...(row.header ? { shading: HEADER_SHADING } : {}),
                children: [paragraphToDocx(cell.paragraph)],
              }),
          ),
        }),
    ),
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: spec.widths,
    layout: TableLayoutType.FIXED,
    borders: { top: B, bottom: B, left: B, right: B, insideHorizontal: B, insideVertical: B },
  });
}

/** A block as a docx object, for a document docx lays out (page numbers on a contents page). */
export function toDocx(spec: BlockSpec): FileChild {
  return spec.kind === 'table' ? tableToDocx(spec) : paragraphToDocx(spec);
}
