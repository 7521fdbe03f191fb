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
  otherQuarters: readonly { quarter: string; warnings: number }[];
  /** The command that checks another quarter's coverage, when there is one to suggest. */
  another?: string;
}

/** Whether, and for which quarter, coverage was checked. */
export type CoverageChecked =
  | { checked: true; quarter: string; months: string; latest: boolean; committee?: string }
  | { checked: false; why: 'no-updates' | 'incomplete' };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The account `coprod validate` closes with: the files, departments and
 * activities it read, which quarter's coverage it checked and how to check
 * another, and how many warnings the other quarters have. Pure.
 */
export function formatChecked(summary: CheckedSummary): string {
  const files = [
    'council.yaml',
    summary.frameworkFile ? 'framework.yaml' : 'the built-in framework',
    plural(summary.departmentFiles, 'department file', 'department files'),
  ];
  const read = `Checked ${summary.data === '.' ? 'this folder' : summary.data} (${files[0]}, ${files[1]} and ${files[2]})`;
  const lines = [
    summary.counts
      ? `${read}: ${plural(summary.counts.departments, 'department', 'departments')}, ${plural(summary.counts.activities, 'activity', 'activities')} and ${plural(summary.counts.updates, 'quarterly update', 'quarterly updates')}.`
      : `${read}. The checks across files wait until council.yaml and the framework have no errors.`,
  ];
  const { coverage } = summary;
  if (coverage.checked) {
    const which = coverage.latest ? ', the latest quarter with updates' : '';
    const whose = coverage.committee !== undefined ? `, for the departments of ${coverage.committee}` : '';
    lines.push(
      `Coverage (returns, framework items served, plans followed up) was checked for ${coverage.quarter} (${coverage.months})${which}${whose}.`,
    );
  } else if (summary.counts) {
    lines.push(
      coverage.why === 'no-updates'
        ? 'Coverage was not checked: no activity has a quarterly update yet.'
        : 'Coverage was not checked: it waits until the department files have no errors.',
    );
  }
  const warned = summary.otherQuarters.filter((q) => q.warnings > 0);
  if (warned.length > 0) {
    const [first, ...rest] = warned.map((q, i) =>
      i === 0 ? `${q.quarter} has ${plural(q.warnings, 'warning', 'warnings')}` : `${q.quarter} ${q.warnings}`,
    );
    lines.push(`Coverage of other quarters: ${[first, ...rest].join(', ')}.`);
  }
  if (summary.another) lines.push(`To check another quarter: \`${summary.another}\``);
  return `${lines.join('\n')}\n`;
}
