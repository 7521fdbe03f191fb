import type { DataFolder } from '../load/folder.js';
import { parseQuarter, quarterOrdinal, type Quarter } from '../periods/periods.js';
import { activityFileSchema } from '../schema/activities.js';
import { councilFileSchema } from '../schema/council.js';
import { frameworkFileSchema } from '../schema/framework.js';
import { checkCharacters } from './characters.js';
import type { Dataset, DepartmentRecords } from './dataset.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { createContext } from './rule.js';
import { RULES } from './rules/index.js';
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
}

export interface ValidationOptions {
  /** The quarter for coverage warnings; by default the latest quarter that has any update. */
  quarter?: Quarter;
  /** Limit coverage warnings to the departments of this committee (an id known to be in council.yaml). */
  committee?: string;
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
  const framework = folder.framework?.data !== undefined ? checkSchema(folder.framework, frameworkFileSchema) : undefined;
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

  let dataset: Dataset | undefined;
  let quarter: Quarter | undefined;
  if (council?.data && framework?.data && folder.council && folder.framework) {
    dataset = {
      council: council.data,
      councilSource: folder.council,
      framework: framework.data.framework,
      frameworkSource: folder.framework,
      departments,
    };
    quarter = options.quarter ?? latestQuarter(dataset);
    const committee = dataset.council.committees.find((c) => c.id === options.committee);
    const context = createContext(dataset, { quarter, committee, complete }, diagnostics);
    for (const rule of RULES) rule(context);
  }
  diagnostics.sort(compareDiagnostics);
  return { ...(dataset ? { dataset } : {}), diagnostics, ...(quarter ? { quarter } : {}) };
}

function append(to: Diagnostic[], from: readonly Diagnostic[]): void {
  for (const d of from) to.push(d);
}

/** The latest quarter any activity has an update for. */
export function latestQuarter(dataset: Dataset): Quarter | undefined {
  let best: Quarter | undefined;
  for (const dept of dataset.departments) {
    for (const activity of dept.activities) {
      for (const update of activity.updates) {
        const q = parseQuarter(update.quarter);
        if (q && (!best || quarterOrdinal(q) > quarterOrdinal(best))) best = q;
      }
    }
  }
  return best;
}
