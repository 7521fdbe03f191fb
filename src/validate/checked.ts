import type { DataFolder } from '../load/folder.js';
import { formatQuarter, quarterOrdinal, quarterRange } from '../periods/periods.js';
import type { CheckedSummary, CoverageChecked } from '../diagnostics/checked.js';
import type { ValidationResult } from './validate.js';

/**
 * Sums up what a validation run checked. `asked` is what the command line
 * said: the data folder, and the committee when given.
 */
export function summarizeChecks(
  folder: DataFolder,
  result: ValidationResult,
  asked: { data: string; committee?: string },
): CheckedSummary {
  const { dataset, quarter } = result;
  const summary = {
    data: asked.data,
    frameworkFile: !folder.builtInFramework,
    departmentFiles: folder.activities.length,
    otherQuarters: result.otherQuarters ?? [],
  };
  if (!dataset) return { ...summary, coverage: { checked: false, why: 'incomplete' } };
  const activities = dataset.departments.flatMap((d) => d.activities);
  const counts = {
    departments: dataset.council.departments.length,
    activities: activities.length,
    updates: activities.reduce((n, a) => n + a.updates.length, 0),
  };
  if (!result.complete || !quarter)
    return { ...summary, counts, coverage: { checked: false, why: result.complete ? 'no-updates' : 'incomplete' } };
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
  const options = [
    ...(asked.data !== 'data' ? [`--data ${asked.data}`] : []),
    ...(asked.committee !== undefined ? [`--committee ${asked.committee}`] : []),
    `--quarter ${next}`,
  ];
  return { ...summary, counts, coverage, another: `coprod validate ${options.join(' ')}` };
}
