import type { Nodes, Table as MdTable, TableCell as MdTableCell } from 'mdast';
import { phrasingRuns } from './inline.js';
import type { RowSpec, TableSpec } from './spec.js';
import type { ResolvedStyle } from './style.js';
import { textContent } from './text.js';
import { columnWidths } from './widths.js';

/** A cell's text as it will be laid out: `<br>` and hard breaks start new lines. */
function cellText(cell: MdTableCell): string {
  return cell.children
    .map((node: Nodes) =>
      node.type === 'break' || (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value.trim()))
        ? '\n'
        : textContent(node),
    )
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
export function mapTable(node: MdTable, style: ResolvedStyle, textWidth: number): TableSpec {
  const columns = node.children.reduce((most, row) => Math.max(most, row.children.length), 1);
  const texts = node.children.map((row) =>
    Array.from({ length: columns }, (_, c) => (row.children[c] ? cellText(row.children[c]) : '')),
  );
  const widths = columnWidths(texts, textWidth, charWidth(style));
  const rows = node.children.map((row, r): RowSpec => {
    const header = r === 0 && texts[0]!.some((t) => t.trim() !== '');
    const cells = Array.from({ length: columns }, (_, c) => {
      const cell = row.children[c];
      const align = node.align?.[c];
      return {
        width: widths[c]!,
        paragraph: {
          kind: 'paragraph' as const,
          spacing: { before: 0, after: 0 },
          ...(align ? { alignment: align } : {}),
          ...(header ? { keepNext: true } : {}),
          children: cell ? phrasingRuns(cell.children, header ? { bold: true } : {}) : [],
        },
      };
    });
    return { header, cells };
  });
  return { kind: 'table', widths, rows };
}
