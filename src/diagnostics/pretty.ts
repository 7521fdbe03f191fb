import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from './diagnostic.js';
import { positionsOf, type DiagnosedFile } from './position.js';
import { isUnsafe, MARK, printable } from './sanitise.js';

export interface PrettyOptions {
  sources: ReadonlyMap<string, DiagnosedFile>;
  /** Colour adds emphasis only: every status is also in words. */
  color: boolean;
}

const EXCERPT_WIDTH = 100;

/**
 * `file:line:column  severity  code  message`, then the line with carets
 * under the problem and any hint; a closing count. Pure: returns the text.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const d of diagnostics) {
    const pos = positionsOf(d, options.sources);
    const where = printableLine(pos ? `${d.file}:${pos.start.line}:${pos.start.column}` : d.file);
    const severity = d.severity === 'error' ? c.red.bold('error') : c.yellow.bold('warning');
    lines.push(`${c.bold(where)}  ${severity}  ${c.dim(d.code)}  ${printableLine(d.message)}`);
    const source = options.sources.get(d.file);
    if (pos && source && d.range) {
      const width = pos.end.line === pos.start.line ? d.range[1] - d.range[0] : Infinity;
      lines.push(...excerpt(source, pos.start.line, pos.start.column, width, c));
    }
    if (d.hint) lines.push(`        ${c.cyan('hint:')} ${printableLine(d.hint)}`);
  }
  if (diagnostics.length > 0) lines.push('');
  lines.push(summary(diagnostics, c));
  return `${lines.join('\n')}\n`;
}

/** "2 errors, 1 warning": green when there is nothing, yellow for warnings only, red for errors. */
function summary(diagnostics: readonly Diagnostic[], c: ChalkInstance): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const text = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  return errors > 0 ? c.red(text) : warnings > 0 ? c.yellow(text) : c.green(text);
}

/**
 * The offending line, trimmed to a readable width, with carets under the
 * problem (`width` characters from `column`, stopping at the end of the line).
 */
function excerpt(source: DiagnosedFile, line: number, column: number, width: number, c: ChalkInstance): string[] {
  const starts = source.lineCounter.lineStarts;
  const start = starts[line - 1] ?? 0;
  const end = starts[line] !== undefined ? starts[line] - 1 : source.text.length;
  // Only a window around the column is read, so that each excerpt costs the
  // same however long the line: a hostile file can put thousands of problems
  // on one line of a megabyte.
  const at = start + column - 1;
  const from0 = Math.max(start, at - 4 * EXCERPT_WIDTH);
  // Work in code points so that characters outside the BMP do not shift the caret.
  let chars = [...source.text.slice(from0, Math.min(end, at + 4 * EXCERPT_WIDTH)).replace(/\r$/, '')];
  let col = [...source.text.slice(from0, at)].length;
  let prefix = '';
  if (chars.length > EXCERPT_WIDTH) {
    const from = Math.max(0, Math.min(col - 20, chars.length - EXCERPT_WIDTH));
    chars = chars.slice(from, from + EXCERPT_WIDTH);
    prefix = from > 0 ? '…' : '';
    col = col - from + prefix.length;
  }
  const text = prefix + chars.map(visible).join('');
  const carets = Math.max(1, Math.min(width, text.length - col));
  const gutter = String(line).padStart(5);
  return [
    `${c.dim(`${gutter} |`)} ${text}`,
    `${c.dim(`${' '.repeat(5)} |`)} ${' '.repeat(Math.max(0, col))}${c.red('^'.repeat(carets))}`,
  ];
}

/** Invisible characters would misplace the caret or hide the problem: each is shown as one visible mark. */
function visible(ch: string): string {
  if (ch === '\t') return '→';
  return isUnsafe(ch) ? MARK : ch;
}

/**
 * Messages and hints quote keys and values from the file, and file names come
 * from the folder: a control character there (an ESC starting a terminal
 * sequence) must not reach the terminal as itself. Tabs and line breaks
 * become marks too, so that each diagnostic keeps to its lines.
 */
function printableLine(text: string): string {
  return printable(text).replace(/[\t\n]/g, (ch) => (ch === '\t' ? '→' : MARK));
}
