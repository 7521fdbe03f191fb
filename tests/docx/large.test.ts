import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/docx/widths.js';

/** A council with years of data makes papers with tables and lists of many thousand rows. */
describe('large papers', () => {
  it('sizes the columns of a table with 200,000 rows', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`Activity ${i}`, 'A short note on what happened']);
    const widths = columnWidths([['Activity', 'Note'], ...rows], 9638, 110);
    expect(widths).toHaveLength(2);
    expect(widths[0] + widths[1]).toBe(9638);
  });
});
