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
import { checkSchema } from './schema-issues.js';

export interface ValidationResult {
  /** Undefined when council.yaml or the framework could not be accepted. */
  dataset?: Dataset;
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The quarter the coverage rules looked at. */
  quarter?: Quarter;
}

/**
 * Checks a data folder: file-level problems (already found by the loader),
 * the schema of every file, then every dataset rule. Pure: no I/O.
 * `quarter` selects the quarter for coverage warnings; by default the latest
 * quarter that has any update.
 */
export function validateFolder(folder: DataFolder, options: { quarter?: Quarter } = {}): ValidationResult {
  const diagnostics = [...folder.diagnostics];
  const sources = [folder.council, folder.framework, ...folder.activities].filter((s) => s !== undefined);
  for (const source of sources) diagnostics.push(...checkCharacters(source));

  const council = folder.council?.data !== undefined ? checkSchema(folder.council, councilFileSchema) : undefined;
  const framework = folder.framework?.data !== undefined ? checkSchema(folder.framework, frameworkFileSchema) : undefined;
  if (council) diagnostics.push(...council.diagnostics);
  if (framework) diagnostics.push(...framework.diagnostics);

  const departments: DepartmentRecords[] = [];
  for (const source of folder.activities) {
    if (source.data === undefined) continue;
    const checked = checkSchema(source, activityFileSchema);
    diagnostics.push(...checked.diagnostics);
    if (checked.data) departments.push({ source, ...checked.data });
  }

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
    const context = createContext(dataset, quarter, departments.length === folder.activities.length, diagnostics);
    for (const rule of RULES) rule.check(context);
  }
  diagnostics.sort(compareDiagnostics);
  return { ...(dataset ? { dataset } : {}), diagnostics, ...(quarter ? { quarter } : {}) };
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
