import type { Diagnostic } from './diagnostic.js';
import { positionsOf, type DiagnosedFile } from './position.js';
import { escapeJsonText } from './sanitise.js';

/** Version of the JSON shape below; bumped only on an incompatible change. */
export const JSON_FORMAT_VERSION = 1;

/**
 * The stable JSON shape for CI and editors:
 * `{ version, summary: {errors, warnings}, diagnostics: [{code, severity,
 * message, hint?, file, line?, column?, endLine?, endColumn?, offset?, endOffset?}] }`.
 * Lines and columns are 1-based; offsets count UTF-16 code units from the
 * start of the text (after any byte-order mark).
 */
export function formatJson(
  diagnostics: readonly Diagnostic[],
  options: { sources: ReadonlyMap<string, DiagnosedFile> },
): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const out = {
    version: JSON_FORMAT_VERSION,
    summary: { errors, warnings: diagnostics.length - errors },
    diagnostics: diagnostics.map((d) => {
      const pos = positionsOf(d, options.sources);
      return {
        code: d.code,
        severity: d.severity,
        message: d.message,
        ...(d.hint ? { hint: d.hint } : {}),
        file: d.file,
        ...(pos && d.range
          ? {
              line: pos.start.line,
              column: pos.start.column,
              endLine: pos.end.line,
              endColumn: pos.end.column,
              offset: d.range[0],
              endOffset: d.range[1],
            }
          : {}),
      };
    }),
  };
  // Raw C1 and bidirectional controls would reach a terminal as themselves; escaped, the JSON means the same.
  return `${escapeJsonText(JSON.stringify(out, null, 2))}\n`;
}
