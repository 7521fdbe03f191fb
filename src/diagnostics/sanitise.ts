/**
 * The one sanitiser for everything coprod prints: text from the data (titles,
 * plans, keys), from file names and from arguments can hold characters that
 * a terminal obeys rather than shows. An ESC or a C1 CSI (U+009B) starts a
 * sequence that can move the cursor, rewrite the window title or hide text;
 * bidirectional controls reorder what is shown ("Trojan Source"). Each such
 * character is printed as one visible mark instead.
 */

/** What every unsafe character becomes: visible, one column wide, and plainly not part of the text. */
export const MARK = '\uFFFD';

/**
 * C0 controls except tab and newline, DEL, C1 controls, the bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the
 * noncharacters U+FFFE and U+FFFF, and lone surrogates.
 */
const UNSAFE_SOURCE =
  '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'g');
const UNSAFE_ONE = new RegExp(`^(?:${UNSAFE_SOURCE})$`);

/** Whether one character (a code point) must not reach a terminal as itself. */
export function isUnsafe(ch: string): boolean {
  return UNSAFE_ONE.test(ch);
}

/** `text` with every unsafe character replaced by {@link MARK}; tabs and newlines stay. */
export function printable(text: string): string {
  return text.replace(UNSAFE, MARK);
}

/**
 * The colour sequences coprod itself writes (chalk's SGR: ESC [ digits and
 * semicolons m), which alone may pass when colour is on.
 */
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001B\[[0-9;]*m/y;

/**
 * A chunk of output made safe for a terminal, as the last step before it is
 * written: like {@link printable}, except that with `colour` the SGR colour
 * sequences stay. Text from the data has already been through
 * {@link printable} in the formatters, so a colour sequence written in the
 * data never reaches here whole.
 */
export function terminalSafe(chunk: string, colour: boolean): string {
  if (!colour) return printable(chunk);
  let out = '';
  let from = 0;
  for (let i = chunk.indexOf('\u001B'); i >= 0; i = chunk.indexOf('\u001B', i + 1)) {
    COLOUR.lastIndex = i;
    if (!COLOUR.test(chunk)) continue;
    out += printable(chunk.slice(from, i)) + chunk.slice(i, COLOUR.lastIndex);
    from = COLOUR.lastIndex;
    i = from - 1;
  }
  return out + printable(chunk.slice(from));
}

/**
 * Characters JSON.stringify leaves raw that a terminal obeys or that reorder
 * text: DEL, C1 controls, bidirectional controls, and the line and paragraph
 * separators. (It already escapes C0 controls and lone surrogates.)
 */

const JSON_RAW = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFFFE\uFFFF]/g;

/**
 * JSON text with those characters written as `\uXXXX` escapes: the same
 * JSON value, byte for byte safe on a terminal. They can only stand inside
 * strings, where an escape means the same character.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
