import type { DataFolder } from '../load/folder.js';
import { formatQuarter, quarterOrdinal, quarterRange } from '../periods/periods.js';
import type { QuarterWarnings, ValidationResult } from './validate.js';

/** What `coprod validate` looked at, for the account it closes with. Plain data. */
export interface CheckedSummary {
  /** The data folder, as given. */
  data: string;
  /** False when the folder has no framework.yaml and the built-in framework was used. */
  frameworkFile: boolean;
  departmentFiles: number;
  /** Undefined when council.yaml or the framework has errors: the checks across files waited. */
  counts?: { departments: number; activities: number; updates: number };
  coverage: CoverageChecked;
  /** Every other quarter with updates and its coverage warnings, newest first. */
  otherQuarters: readonly QuarterWarnings[];
  /** The command that checks another quarter's coverage, when there is one to suggest. */
  another?: string;
}

/** Whether, and for which quarter, coverage was checked. */
export type CoverageChecked =
  | { checked: true; quarter: string; months: string; latest: boolean; committee?: string }
  | { checked: false; why: 'no-updates' | 'incomplete' };

/**
 * Sums up what a validation run checked. `asked` is what the command line
 * said: the data folder, and the committee when given.
 */
export function summarizeChecks(folder: DataFolder, result: ValidationResult, asked: { data: string; committee?: string }): CheckedSummary {
  const { dataset, quarter } = result;
  const summary = { data: asked.data, frameworkFile: !folder.builtInFramework, departmentFiles: folder.activities.length, otherQuarters: result.otherQuarters ?? [] };
  if (!dataset) return { ...summary, coverage: { checked: false, why: 'incomplete' } };
  const activities = dataset.departments.flatMap((d) => d.activities);
  const counts = { departments: dataset.council.departments.length, activities: activities.length, updates: activities.reduce((n, a) => n + a.updates.length, 0) };
  if (!result.complete || !quarter) return { ...summary, counts, coverage: { checked: false, why: result.complete ? 'no-updates' : 'incomplete' } };
  const coverage: CoverageChecked = {
    checked: true,
    quarter: formatQuarter(quarter),
    months: quarterRange(quarter, dataset.council.council.financialYearStart).words,
    latest: result.latest !== undefined && quarterOrdinal(result.latest) === quarterOrdinal(quarter),
    ...(asked.committee !== undefined ? { committee: asked.committee } : {}),
  };
  // The newest other quarter with warnings, else the newest other quarter with updates.
  const next = (summary.otherQuarters.find((q) => q.warnings > 0) ?? summary.otherQuarters[0])?.quarter;
  if (next === undefined) return { ...summary, counts, coverage };
  const options = [...(asked.data !== 'data' ? [`--data ${asked.data}`] : []), ...(asked.committee !== undefined ? [`--committee ${asked.committee}`] : []), `--quarter ${next}`];
  return { ...summary, counts, coverage, another: `coprod validate ${options.join(' ')}` };
}
