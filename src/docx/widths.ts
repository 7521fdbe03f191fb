/**
 * Column widths for a fixed-layout table, in DXA, from what its cells hold.
 * LibreOffice and Google Docs ignore percentage widths, so every table gets
 * absolute widths that add up to exactly the text width.
 *
 * The first row is taken to be the header row. Each column wants room for its longest body line and needs room for its longest
 * word (capped, so one long address cannot starve the others). Columns get
 * what they need first; the rest of the width is shared in proportion to what
 * each still wants, so short columns of numbers stay narrow and prose gets
 * the room.
 */
export function columnWidths(cells: readonly (readonly string[])[], totalWidth: number, charWidth: number): number[] {
  // A long word can be all wide letters, and header words are bold: it is measured generously.
  const wordCharWidth = charWidth * 1.2;
  // Loops, not Math.max(...list): a table of thousands of rows would overflow the call's arguments.
  let columns = 0;
  for (const row of cells) columns = Math.max(columns, row.length);
  if (columns === 0) return [];
  const padding = 2 * 115 + 40;
  const longestWord = 18;
  const want: number[] = [];
  const need: number[] = [];
  for (let c = 0; c < columns; c++) {
    // The first row is the header row, set in bold: its characters count a tenth wider.
    let line = 1;
    let word = 1;
    cells.forEach((row, r) => {
      const text = row[c] ?? '';
      const scale = r === 0 ? 1.1 : 1;
      // A header may wrap between its words: only its longest word must fit. Body lines say how wide a column wants to be.
      if (r > 0 || cells.length === 1)
        for (const l of text.split('\n')) line = Math.max(line, ([...l].length + 1) * scale);
      for (const w of text.split(/\s+/)) word = Math.max(word, Math.min(longestWord, [...w].length) * scale);
    });
    // The longest word must never break, however short the column's other lines: it is measured generously.
    const unbroken = word * wordCharWidth;
    want.push(Math.max(line * charWidth, unbroken) + padding);
    need.push(unbroken + padding);
  }
  const needed = sum(need);
  const wanted = sum(want);
  let widths: number[];
  if (needed >= totalWidth) {
    widths = need.map((n) => (n * totalWidth) / needed);
  } else if (wanted <= totalWidth) {
    // Everything fits on one line: the spare room is shared evenly so the table still fills the width.
    widths = want.map((w) => w + (totalWidth - wanted) / columns);
  } else {
    const spare = totalWidth - needed;
    widths = need.map((n, c) => n + ((want[c]! - n) * spare) / (wanted - needed));
  }
  return fitExactly(widths, totalWidth);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Whole DXA that add up to `total`: rounding differences go to the widest column. */
function fitExactly(widths: readonly number[], total: number): number[] {
  const rounded = widths.map((w) => Math.max(1, Math.floor(w)));
  const widest = rounded.indexOf(rounded.reduce((a, b) => Math.max(a, b), 0));
  rounded[widest] = rounded[widest]! + total - sum(rounded);
  return rounded;
}
