import { TemplateError } from '../errors.js';

/** Turning Handlebars' errors into a {@link TemplateError} with the file, line, column and what is wrong in the template's terms. */

/**
 * Where a syntax error is, from Handlebars' own message: it names the line,
 * and shows the 20 characters before the token it stopped at (after `...`
 * when there were more) and the 20 from the token on, line breaks left out,
 * with a caret between. The offset on that line where both fit is the column
 * the user needs; the token is the first of the text after it.
 */
export function syntaxErrorPosition(
  error: unknown,
  source: string,
): { line: number; column: number; text: string } | undefined {
  const message = error instanceof Error ? error.message : '';
  const [first, excerpt, caret] = message.split('\n');
  const line = Number(/^Parse error on line (\d+):$/.exec(first ?? '')?.[1]);
  if (!line || excerpt === undefined || caret === undefined || !/^-*\^$/.test(caret)) return undefined;
  const before = excerpt.slice(0, caret.length - 1);
  const after = excerpt.slice(caret.length - 1);
  const noBreaks = (text: string) => text.replaceAll('\n', '');
  const fitsBefore = (offset: number) =>
    offset > 20
      ? before === `...${noBreaks(source.slice(offset - 20, offset))}`
      : before === noBreaks(source.slice(0, offset));
  const fitsAfter = (offset: number) => noBreaks(source.slice(offset, offset + 20)) === after.replace(/\.\.\.$/, '');
  const lineStart = line === 1 ? 0 : nthIndexOf(source, '\n', line - 1) + 1;
  if (lineStart === 0 && line !== 1) return undefined;
  const lineEnd = source.indexOf('\n', lineStart);
  for (let offset = lineStart; offset <= (lineEnd < 0 ? source.length : lineEnd); offset++) {
    if (!fitsBefore(offset) || !fitsAfter(offset)) continue;
    const text = /got 'INVALID'\s*$/.test(message) ? after.slice(0, 1) : (TOKEN.exec(after)?.[0] ?? '');
    return { line, column: offset - lineStart + 1, text };
  }
  return undefined;
}

/** The index of the `n`th `char` in `text` (n from 1), or -1. */
function nthIndexOf(text: string, char: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(char, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** The first token of Handlebars' syntax in some text: an opening or closing tag, a punctuation mark, a string or a word. */
const TOKEN = /^(?:\{\{\{?~?[#/^>&!]?|~?\}\}\}?|[()=|./]|"[^"]*"|'[^']*'|[^\s{}()=|"'.]+)/;

/** Handlebars' parser message names grammar tokens; say instead what is wrong in the template's terms. */
function syntaxDetail(message: string, text: string | undefined): string {
  const got = /got '([^']+)'\s*$/.exec(message)?.[1];
  if (got === 'EOF')
    return 'syntax error: the template ends before a tag or block is closed (every {{ needs its }}, every {{#block}} its {{/block}})';
  if (got === 'OPEN_ENDBLOCK') return 'syntax error: this {{/…}} closes a block that was not opened';
  return `syntax error: unexpected ${text ? `\`${text}\`` : 'text'} (every {{ needs its }}, every {{#block}} its {{/block}})`;
}

export function toTemplateError(
  error: unknown,
  file: string,
  position?: { line: number; column: number; text: string },
): TemplateError {
  if (error instanceof TemplateError) return error;
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  if (message.startsWith('Parse error'))
    return new TemplateError(
      file,
      position?.line ?? Number(/line (\d+)/.exec(message)?.[1]),
      position?.column,
      syntaxDetail(message, position?.text),
    );
  const line = e.lineNumber;
  const column = e.column !== undefined ? e.column + 1 : undefined;
  const detail = message
    .replace(/ - \d+:\d+$/, '')
    .replace(/^"(.+)" not defined in .*$/s, 'the template uses `$1`, which the report data does not have')
    .replace(
      /^You specified knownHelpersOnly, but used the unknown helper (\S+).*$/s,
      'the template uses the unknown helper `$1`',
    );
  return new TemplateError(file, line, column, detail);
}
