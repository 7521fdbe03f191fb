import type { Nodes, Table as MdTable, TableCell as MdTableCell } from 'mdast';
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { phrasingRuns } from './inline.js';
import { HEADER_FILL, TEXT_WIDTH, type ResolvedStyle } from './style.js';
import { textContent } from './text.js';
import { columnWidths } from './widths.js';

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '595959' };
const CELL_MARGINS = { top: 57, bottom: 57, left: 115, right: 115 };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A cell's text as it will be laid out: `<br>` and hard breaks start new lines. */
function cellText(cell: MdTableCell): string {
  return cell.children
    .map((node: Nodes) => (node.type === 'break' || (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value.trim())) ? '\n' : textContent(node)))
    .join('');
}

/** Average character width of the body font, in DXA: about half the point size. */
function charWidth(style: ResolvedStyle): number {
  return style.size * 20 * 0.55;
}

/**
 * A GFM table as a Word table: fixed layout, absolute column widths from the
 * cells' content, thin borders on every cell, and a bold, shaded first row
 * marked as a header row, which Word repeats at the top of every page and
 * screen readers announce as column headers. A first row with no text is
 * not a header, and the accessibility check then refuses the table.
 */
export function mapTable(node: MdTable, style: ResolvedStyle): Table {
  const columns = node.children.reduce((most, row) => Math.max(most, row.children.length), 1);
  const texts = node.children.map((row) => Array.from({ length: columns }, (_, c) => (row.children[c] ? cellText(row.children[c]) : '')));
  const widths = columnWidths(texts, TEXT_WIDTH, charWidth(style));
  const rows = node.children.map((row, r) => {
    const header = r === 0 && texts[0]!.some((t) => t.trim() !== '');
    const cells = Array.from({ length: columns }, (_, c) => {
      const cell = row.children[c];
      const align = node.align?.[c];
      return new TableCell({
        width: { size: widths[c]!, type: WidthType.DXA },
        margins: CELL_MARGINS,
        ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
        children: [
          new Paragraph({
            spacing: { before: 0, after: 0 },
            ...(align ? { alignment: ALIGN[align] } : {}),
            ...(header ? { keepNext: true } : {}),
            children: cell ? phrasingRuns(cell.children, header ? { bold: true } : {}) : [],
          }),
        ],
      });
    });
    return new TableRow({ children: cells, cantSplit: true, ...(header ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}
