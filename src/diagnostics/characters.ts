import { listFirst, MAX_LISTED, type Diagnostic, type Range } from './diagnostic.js';

/**
 * Characters that cannot appear in a Word document's XML: C0 controls other
 * than tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates.
 */
/* eslint-disable no-control-regex -- the control characters are what is matched */
export const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

/** A text holding a character Word cannot store, and where it is written. */
export interface UnstorableText {
  value: string;
  range?: Range;
}

/** What the check needs of a data file: its shown path, its text and the texts the loader found unstorable. */
export interface CheckedText {
  path: string;
  text: string;
  unstorable?: readonly UnstorableText[];
}

/** Reports every text value (and key) containing a character Word cannot store, at the character itself. */
export function checkCharacters(source: CheckedText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const texts = source.unstorable ?? [];
  let total = 0;
  for (const { value, range: written } of texts) {
    const m = XML_INVALID.exec(value);
    if (!m) continue;
    // Beyond the first few, only count: listFirst says how many more there are.
    if (++total > MAX_LISTED + 1) continue;
    const range = written ? findCharacter(source.text, written, m[0].charCodeAt(0)) : undefined;
    out.push({
      code: 'invalid-character',
      severity: 'error',
      message: `This text contains the character ${codePoint(m[0])}, which cannot go into a Word document`,
      file: source.path,
      ...(range ? { range } : {}),
      hint: 'delete the character: it is usually invisible, pasted in from another program',
    });
  }
  return listFirst(out, total);
}

/** Where the character is written in the file: as itself, or as a double-quoted escape such as `\uD800`. */
function findCharacter(text: string, [start, end]: Range, code: number): Range {
  const slice = text.slice(start, end);
  const literal = slice.indexOf(String.fromCharCode(code));
  if (literal >= 0) return [start + literal, start + literal + 1];
  const hex = code.toString(16);
  const named: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 0x0b: 'v', 0x0c: 'f', 0x1b: 'e' };
  const forms = [
    `u${hex.padStart(4, '0')}`,
    `U${hex.padStart(8, '0')}`,
    ...(code < 0x100 ? [`x${hex.padStart(2, '0')}`] : []),
    ...(named[code] ? [named[code]] : []),
  ];
  for (const form of forms) {
    const at = new RegExp(`\\\\${form}`, form.length > 1 ? 'i' : '').exec(slice);
    if (at) return [start + at.index, start + at.index + at[0].length];
  }
  return [start, end];
}

function codePoint(s: string): string {
  return `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Removes characters Word cannot store; used by writers as a last line of defence. */
export function stripXmlInvalid(text: string): string {
  return text.replace(new RegExp(XML_INVALID.source, 'g'), '');
}
