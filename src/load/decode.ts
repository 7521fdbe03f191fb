/**
 * Bytes → text. A UTF-8 byte-order mark is dropped. Invalid UTF-8 is never
 * replaced silently: the text is still returned (with U+FFFD in place of the
 * bad bytes, so the line can be shown) together with the offset of the first
 * bad character.
 */
export interface Decoded {
  /** The text, after any byte-order mark; bad bytes appear as U+FFFD. */
  text: string;
  bom: boolean;
  /** Offset in `text` of the first character that was not valid UTF-8, if any. */
  invalidAt?: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes a data file's bytes; see {@link Decoded}. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: strict.decode(body), bom };
  } catch {
    const bad = firstInvalidByte(body);
    // The valid prefix decodes to the same characters either way, so its length is the offset.
    return { text: lenient.decode(body), bom, invalidAt: lenient.decode(body.subarray(0, bad)).length };
  }
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need > b.length - 1) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
