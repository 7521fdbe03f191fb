import { locate, type DataPath } from '../load/locate.js';
import type { SourceFile } from '../load/source.js';
import type { Quarter } from '../periods/periods.js';
import type { Dataset } from './dataset.js';
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.js';

/** What a rule sees: the accepted data, the period being reported (if any), and a way to report. */
export interface RuleContext {
  dataset: Dataset;
  /** The quarter coverage rules look at; undefined when no quarter has data. */
  quarter?: Quarter;
  /** False when some activity file could not be read or failed the schema, so totals would mislead. */
  complete: boolean;
  /** Reports a problem at a path inside a file (the nearest existing node is used). */
  report(problem: { code: DiagnosticCode; severity?: Severity; message: string; source: SourceFile; path?: DataPath; keyOf?: boolean; hint?: string }): void;
}

/** One check over the whole dataset. Adding a rule is one file and one line in `rules/index.ts`. */
export interface Rule {
  name: string;
  check(context: RuleContext): void;
}

export function createContext(dataset: Dataset, quarter: Quarter | undefined, complete: boolean, out: Diagnostic[]): RuleContext {
  return {
    dataset,
    complete,
    ...(quarter ? { quarter } : {}),
    report({ code, severity = 'error', message, source, path, keyOf, hint }) {
      const range = path ? locate(source, path, { keyOf: keyOf ?? false }) : undefined;
      out.push({ code, severity, message, file: source.path, ...(range ? { range } : {}), ...(hint ? { hint } : {}) });
    },
  };
}
