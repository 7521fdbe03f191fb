/**
 * Small helpers over a file's text, by offset. Offsets are UTF-16 indexes
 * into the decoded text (the byte-order mark, if any, already removed), the
 * same offsets the YAML parser gives its nodes.
 */

/** The file's line ending: that of its first line break, else a line feed. */
export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the start of the line that holds `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Column (0-based) of `offset` in its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Offset just after the line break that ends the line holding `offset`, or the end of the text. */
export function nextLineStart(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf === -1 ? text.length : lf + 1;
}

/** Whether `offset` is at the start of a line. */
export function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === '\n';
}

/** The line starting at `offset`, without its line break. */
export function lineAt(text: string, offset: number): string {
  const end = nextLineStart(text, offset);
  return text.slice(offset, end).replace(/\r?\n$/, '');
}

/** Whether a line holds nothing but spaces. */
export function isBlankLine(line: string): boolean {
  return /^[ \t]*\r?$/.test(line);
}

/** The indentation (number of leading spaces) of a line. */
export function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}
