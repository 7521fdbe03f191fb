import path from 'node:path';
import { formatPretty } from '../diagnostics/pretty.js';
import { sourceMap } from '../diagnostics/position.js';
import { DataFolderError, readDataFolder, type DataFolder } from '../load/folder.js';
import type { Io } from '../io/io.js';
import { formatQuarter, type Quarter } from '../periods/periods.js';
import type { Dataset } from '../validate/dataset.js';
import type { PaperOptions } from '../papers/formats.js';
import { isRealIsoDate } from '../schema/primitives.js';
import { validateFolder, type ValidationOptions, type ValidationResult } from '../validate/validate.js';
import { useColor } from './color.js';
import { EnvironmentError, UsageError } from '../errors.js';
import { DEFAULT_FORMAT } from './defaults.js';
import { hasEnvironmentProblem } from '../diagnostics/diagnostic.js';

/** Writes a line to stderr. */
export function say(io: Io, message: string): void {
  io.stderr.write(`${message}\n`);
}

/** Reads a data folder, turning a missing or unusable folder into a usage error. */
export async function readFolder(dataDir: string, io: Io): Promise<DataFolder> {
  try {
    return await readDataFolder(dataDir, io);
  } catch (error) {
    if (error instanceof DataFolderError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/**
 * Every command validates first: errors are printed and the command stops
 * (returns undefined) so nothing is ever rendered from broken data. When a
 * data file cannot be opened at all, throws an {@link EnvironmentError}
 * (exit 2) after printing the diagnostics. Warnings are not printed here:
 * the command says how many with {@link noteWarnings} once nothing can stop
 * it any more, so that a fatal error never follows a count of warnings.
 */
export async function loadValid(
  io: Io,
  dataDir: string,
  options: Pick<ValidationOptions, 'quarter'> = {},
): Promise<{ dataset: Dataset; result: ValidationResult } | undefined> {
  const folder = await readFolder(dataDir, io);
  const result = validateFolder(folder, options);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.dataset) {
    const sources = sourceMap([folder.council, folder.framework, ...folder.activities]);
    io.stderr.write(formatPretty(result.diagnostics, { sources, color: useColor(io, io.stderr) }));
    // A file that cannot be opened is an environment problem (exit 2), not a mistake in the data (exit 1).
    if (hasEnvironmentProblem(result.diagnostics))
      throw new EnvironmentError('some data files could not be opened (listed above), so nothing was written');
    say(
      io,
      'coprod: the data has errors, so nothing was written. Fix them and run the command again (`coprod validate` lists them).',
    );
    return undefined;
  }
  return { dataset: result.dataset, result };
}

/** One line on how many warnings the data has and how to list them. */
export function noteWarnings(io: Io, result: ValidationResult): void {
  const warnings = result.diagnostics.length;
  if (warnings === 0) return;
  const quarter = result.quarter ? ` --quarter ${formatQuarter(result.quarter)}` : '';
  say(
    io,
    `coprod: the data has ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (gaps the report will show); \`coprod validate${quarter}\` lists them.`,
  );
}

/** The period a paper is about: its name (`2023/24-H1`) and its quarters. */
export interface Period {
  name: string;
  quarters: readonly Quarter[];
}

/**
 * False, after saying so, when the data has updates or assessments but none
 * in the period, naming the quarters it covers: most often the year was
 * mistyped, and the paper would be empty. A council with no data yet (just
 * made by `coprod init`) may still render its first paper.
 */
export function hasDataIn(io: Io, dataset: Dataset, period: Period): boolean {
  const present = quartersWithData(dataset);
  if (present.size === 0 || period.quarters.some((q) => present.has(formatQuarter(q)))) return true;
  say(
    io,
    `coprod: the data has no update or assessment for ${period.name}, so nothing was written; ${coverageWords(present)}.`,
  );
  return false;
}

/** Every quarter some update or assessment of the data is for. */
function quartersWithData(dataset: Dataset): Set<string> {
  const quarters = new Set<string>();
  for (const department of dataset.departments) {
    for (const activity of department.activities) for (const u of activity.updates) quarters.add(u.quarter);
    for (const a of department.assessments) quarters.add(a.quarter);
  }
  return quarters;
}

/** "the data covers 2022/23-Q3 to 2023/24-Q2": quarter ids compare in time order as strings. */
function coverageWords(present: ReadonlySet<string>): string {
  const quarters = [...present].sort();
  const first = quarters[0]!;
  const last = quarters.at(-1)!;
  return first === last ? `the data covers ${first} only` : `the data covers ${first} to ${last}`;
}

export type Format = 'md' | 'docx' | 'pdf' | 'html' | 'all';

/** The output format: the option, else the council's default, else {@link DEFAULT_FORMAT}. */
export function resolveFormat(option: string | undefined, dataset: Dataset): Format {
  const value = option ?? dataset.council.council.defaultFormat ?? DEFAULT_FORMAT;
  if (value !== 'md' && value !== 'docx' && value !== 'pdf' && value !== 'html' && value !== 'all')
    throw new UsageError(`--format must be md, docx, pdf, html or all (got "${value}")`);
  return value;
}

/**
 * How papers are turned into files for this council: its style, its Word
 * template (`--reference-doc`, relative to where coprod runs, else the
 * council's `style.referenceDoc`, relative to the data folder), its data
 * folder (for the logo), the file system and environment.
 */
export function paperOptionsFor(
  dataset: Dataset,
  dataDir: string,
  io: Io,
  referenceDoc: string | undefined,
): PaperOptions {
  const { style, name, language } = dataset.council.council;
  const dir = path.resolve(io.cwd, dataDir);
  const reference =
    typeof referenceDoc === 'string'
      ? path.resolve(io.cwd, referenceDoc)
      : style?.referenceDoc !== undefined
        ? path.resolve(dir, style.referenceDoc)
        : undefined;
  return {
    ...(style ? { style } : {}),
    ...(reference ? { referenceDoc: reference } : {}),
    council: name,
    language,
    dataDir: dir,
    io,
  };
}

/** `--date`, when given, must be a real calendar date. */
export function optionalDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  if (!isRealIsoDate(date)) throw new UsageError(`--date must be a real date written YYYY-MM-DD (got "${date}")`);
  return date;
}

/** The Easy Read companions' code, loaded only for `--easy-read`. */
export async function loadEasyRead() {
  return import('../easy-read/papers.js');
}
