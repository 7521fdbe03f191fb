import { Chalk } from 'chalk';
import type { SourceFile } from '../load/source.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { positionsOf } from './position.js';

export interface PrettyOptions {
  sources: ReadonlyMap<string, SourceFile>;
  /** Colour adds emphasis only: every status is also in words. */
  color: boolean;
}

const EXCERPT_WIDTH = 100;

/**
 * `file:line:column  severity  code  message`, then the line with a caret
 * and any hint; a closing count. Pure: returns the text.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const d of diagnostics) {
    const pos = positionsOf(d, options.sources);
    const where = pos ? `${d.file}:${pos.start.line}:${pos.start.column}` : d.file;
    const severity = d.severity === 'error' ? c.red.bold('error') : c.yellow.bold('warning');
    lines.push(`${c.bold(where)}  ${severity}  ${c.dim(d.code)}  ${d.message}`);
    const source = options.sources.get(d.file);
    if (pos && source) lines.push(...excerpt(source, pos.start.line, pos.start.column, c));
    if (d.hint) lines.push(`    ${c.cyan('hint:')} ${d.hint}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) lines.push('');
  const summary = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  lines.push(errors > 0 ? c.red(summary) : warnings > 0 ? c.yellow(summary) : c.green(summary));
  return `${lines.join('\n')}\n`;
}

/** The offending line, trimmed to a readable width, with a caret under the column. */
function excerpt(source: SourceFile, line: number, column: number, c: InstanceType<typeof Chalk>): string[] {
  const start = line <= 1 ? 0 : (source.lineCounter.lineStarts[line - 1] ?? 0);
  let end = source.text.indexOf('\n', start);
  if (end < 0) end = source.text.length;
  let text = source.text.slice(start, end).replace(/\r$/, '').replace(/\t/g, ' ');
  let col = column - 1;
  if (text.length > EXCERPT_WIDTH) {
    const from = Math.max(0, Math.min(col - 20, text.length - EXCERPT_WIDTH));
    text = `${from > 0 ? '…' : ''}${text.slice(from, from + EXCERPT_WIDTH)}…`;
    col = col - from + (from > 0 ? 1 : 0);
  }
  // Invisible characters would misplace the caret or hide the problem.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001F\u007F\uFFFE\uFFFF]/g, '�');
  const gutter = String(line).padStart(5);
  return [`${c.dim(`${gutter} |`)} ${text}`, `${c.dim(`${' '.repeat(5)} |`)} ${' '.repeat(Math.max(0, col))}${c.red('^')}`];
}
