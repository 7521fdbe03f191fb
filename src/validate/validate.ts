import type { DataFolder } from '../load/folder.js';
import { formatQuarter, parseQuarter, quarterOrdinal, type Quarter } from '../periods/periods.js';
import { activityFileSchema } from '../schema/activities.js';
import { councilFileSchema } from '../schema/council.js';
import { frameworkFileSchema } from '../schema/framework.js';
import { checkCharacters } from '../diagnostics/characters.js';
import type { Committee } from '../schema/council.js';
import type { Dataset, DepartmentRecords } from './dataset.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createContext } from './rule.js';
import { COVERAGE_RULES, RULES } from './rules/index.js';
import { salvageDepartmentFile } from './salvage.js';
import { checkSchema } from './schema-issues.js';

export interface ValidationResult {
  /**
   * The accepted data. Undefined when council.yaml or the framework could not
   * be accepted; when there are errors it may hold only the records that passed.
   */
  dataset?: Dataset;
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The quarter the coverage rules looked at. */
  quarter?: Quarter;
  /**
   * False when some file or record failed to load or failed the schema: the
   * coverage rules then wait, as what is missing would raise false alarms.
   */
  complete: boolean;
  /** The latest quarter any activity has an update for. */
  latest?: Quarter;
  /** With `otherQuarters`: each other quarter with updates, newest first, and how many coverage warnings it gives. */
  otherQuarters?: QuarterWarnings[];
}

/** How many coverage warnings a quarter has. */
export interface QuarterWarnings {
  quarter: string;
  warnings: number;
}

export interface ValidationOptions {
  /**
   * The quarter for coverage warnings, or how to choose it from the latest
   * quarter with updates (`--quarter previous`, `--half latest`); by default
   * the latest quarter with updates.
   */
  quarter?: Quarter | ((latest: Quarter | undefined) => Quarter | undefined);
  /** Limit coverage warnings to the departments of this committee (an id known to be in council.yaml). */
  committee?: string;
  /** Also count the coverage warnings of every other quarter with updates (`coprod validate` says how many). */
  otherQuarters?: boolean;
}

/**
 * Checks a data folder: file-level problems (already found by the loader),
 * characters Word cannot hold, the schema of every file, then every dataset
 * rule. Pure: no I/O.
 *
 * So that one run finds every problem, an activity that fails the schema is
 * reported and set aside while the rules check the others. When council.yaml
 * or the framework fails the schema, the rules that compare files wait until
 * it is fixed: they would only raise false alarms.
 */
export function validateFolder(folder: DataFolder, options: ValidationOptions = {}): ValidationResult {
  const diagnostics = [...folder.diagnostics];
  const sources = [folder.council, folder.framework, ...folder.activities].filter((s) => s !== undefined);
  // Appended one by one, not push(...list): a hostile file can yield more diagnostics than a call can take arguments.
  for (const source of sources) append(diagnostics, checkCharacters(source));

  const council = folder.council?.data !== undefined ? checkSchema(folder.council, councilFileSchema) : undefined;
  const framework =
    folder.framework?.data !== undefined ? checkSchema(folder.framework, frameworkFileSchema) : undefined;
  if (council) append(diagnostics, council.diagnostics);
  if (framework) append(diagnostics, framework.diagnostics);

  const departments: DepartmentRecords[] = [];
  let complete = true;
  for (const source of folder.activities) {
    if (source.data === undefined) {
      complete = false;
      continue;
    }
    const checked = checkSchema(source, activityFileSchema);
    append(diagnostics, checked.diagnostics);
    const records = checked.data ? { source, ...checked.data } : salvageDepartmentFile(source);
    if (!checked.data) complete = false;
    if (records) departments.push(records);
  }
  if (folder.diagnostics.some((d) => d.severity === 'error')) complete = false;

  if (!(council?.data && framework?.data && folder.council && folder.framework)) {
    diagnostics.sort(compareDiagnostics);
    return { diagnostics, complete: false };
  }
  const dataset: Dataset = {
    council: council.data,
    councilSource: folder.council,
    framework: framework.data.framework,
    frameworkSource: folder.framework,
    departments,
  };
  const latest = latestQuarter(dataset);
  const quarter = typeof options.quarter === 'function' ? options.quarter(latest) : (options.quarter ?? latest);
  const committee = dataset.council.committees.find((c) => c.id === options.committee);
  const context = createContext(dataset, { quarter, committee, complete }, diagnostics);
  for (const rule of RULES) rule.check(context);
  diagnostics.sort(compareDiagnostics);
  const others = options.otherQuarters
    ? { otherQuarters: otherQuarterWarnings(dataset, quarter, { committee, complete }) }
    : {};
  return { dataset, diagnostics, complete, ...(quarter ? { quarter } : {}), ...(latest ? { latest } : {}), ...others };
}

/** The coverage warnings each quarter with updates other than `checked` would give, newest first. */
function otherQuarterWarnings(
  dataset: Dataset,
  checked: Quarter | undefined,
  options: { committee: Committee | undefined; complete: boolean },
): QuarterWarnings[] {
  const counts: QuarterWarnings[] = [];
  for (const quarter of quartersWithUpdates(dataset).reverse()) {
    if (checked && quarterOrdinal(quarter) === quarterOrdinal(checked)) continue;
    const found: Diagnostic[] = [];
    const context = createContext(dataset, { quarter, ...options }, found);
    for (const rule of COVERAGE_RULES) rule.check(context);
    counts.push({ quarter: formatQuarter(quarter), warnings: found.filter((d) => d.severity === 'warning').length });
  }
  return counts;
}

function append(to: Diagnostic[], from: readonly Diagnostic[]): void {
  for (const d of from) to.push(d);
}

/** Every quarter some activity has an update for, oldest first. */
export function quartersWithUpdates(dataset: Dataset): Quarter[] {
  const seen = new Map<number, Quarter>();
  for (const dept of dataset.departments) {
    for (const activity of dept.activities) {
      for (const update of activity.updates) {
        const q = parseQuarter(update.quarter);
        if (q) seen.set(quarterOrdinal(q), q);
      }
    }
  }
  return [...seen.entries()].sort(([a], [b]) => a - b).map(([, q]) => q);
}

/** The latest quarter any activity has an update for. */
export function latestQuarter(dataset: Dataset): Quarter | undefined {
  return quartersWithUpdates(dataset).at(-1);
}
