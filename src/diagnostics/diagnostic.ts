/**
 * Diagnostics are plain data: a code from a closed union, a severity, a
 * message, the file and an offset range into it. Offsets become line and
 * column only when printed.
 *
 * Messages are printed after `file:line:column  severity  code  `, so each is
 * one plain-English sentence for the person editing the file: it starts with
 * a capital letter or a `field` name in backticks, has no full stop, names
 * the record concerned (e.g. activity `econ-signoff`) and says what is wrong.
 * What to do about it goes in `hint`.
 */

/** Every diagnostic code, grouped as in the README. */
export const DIAGNOSTIC_CODES = [
  // files and YAML
  'file-unreadable',
  'file-too-large',
  'file-empty',
  'file-not-mapping',
  'encoding-invalid-utf8',
  'yaml-syntax',
  'yaml-tab',
  'yaml-duplicate-key',
  'yaml-alias',
  'yaml-too-deep',
  'unsafe-key',
  'invalid-character',
  // files the data names
  'logo-unusable',
  // style (warnings)
  'colour-contrast',
  // Easy Read
  'unknown-picture',
  // schema
  'unknown-field',
  'missing-field',
  'wrong-type',
  'invalid-value',
  'invalid-date',
  'invalid-quarter',
  'negative-number',
  // dates
  'date-order',
  'update-outside-dates',
  // framework
  'unknown-recommendation',
  'unknown-measure',
  'measure-misplaced',
  'no-recommendation',
  // references
  'missing-council',
  'unknown-group',
  'unknown-department',
  'department-without-committee',
  'committee-without-department',
  'duplicate-id',
  'duplicate-quarter',
  // consistency
  'completed-without-outcomes',
  'co-chairs-exceed-residents',
  'co-production-without-decision-role',
  'reach-exceeds-residents',
  // reach (who took part)
  'unknown-reach-group',
  'reach-not-recorded',
  // history (warnings)
  'status-on-activity',
  'plan-not-answered',
  // plain language (warnings)
  'social-model-language',
  'complex-word',
  'hard-to-read',
  'easy-read-too-long',
  // coverage (warnings)
  'coverage-recommendation',
  'coverage-department',
  'coverage-follow-up',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
export type Severity = 'error' | 'warning';

/** Half-open offset range `[start, end)` into the file's decoded text. */
export type Range = readonly [start: number, end: number];

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Path of the file as shown to the user: relative to the working folder. */
  file: string;
  /** Offsets into the file's text; absent when the problem concerns the whole file. */
  range?: Range;
  /** A suggestion shown after the message, e.g. "did you mean `measures`?". */
  hint?: string;
}

/**
 * At most this many diagnostics of one kind are listed for one file: a file
 * that repeats one mistake thousands of times (or was never a data file)
 * would otherwise bury the screen and take minutes to print.
 */
export const MAX_LISTED = 100;

/**
 * The first {@link MAX_LISTED} of `diagnostics`, then one more, at the first
 * left out and with its code, that says how many are not listed. `total`
 * counts the whole set when only its start was built (so at least
 * `MAX_LISTED + 1` must be given when `total` is larger).
 */
export function listFirst(diagnostics: readonly Diagnostic[], total = diagnostics.length): Diagnostic[] {
  if (total <= MAX_LISTED + 1) return diagnostics.slice(0, total);
  const first = diagnostics[MAX_LISTED]!;
  const more = total - MAX_LISTED - 1;
  return [
    ...diagnostics.slice(0, MAX_LISTED),
    {
      ...first,
      message: `This and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'} like the ${MAX_LISTED} above are not listed one by one`,
      hint: 'fix the problems listed, then run `coprod validate` again to see the rest',
    },
  ];
}

/** Position of an offset, 1-based, as printed. */
export interface Position {
  line: number;
  column: number;
}

/** Orders diagnostics by file, then position, then code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const sa = a.range?.[0] ?? -1;
  const sb = b.range?.[0] ?? -1;
  if (sa !== sb) return sa - sb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** True when a diagnostic fails the check: any error, or with `strict` any warning too. */
export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || strict);
}

/**
 * Codes that mean the data folder could not be read as a whole (a file that
 * cannot be opened, no council.yaml): an environment problem, exit 2, rather
 * than a mistake in the data, exit 1.
 */
export const ENVIRONMENT_CODES: ReadonlySet<DiagnosticCode> = new Set(['file-unreadable', 'missing-council']);

/** True when some file of the data folder could not be opened at all. */
export function hasEnvironmentProblem(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => ENVIRONMENT_CODES.has(d.code));
}
