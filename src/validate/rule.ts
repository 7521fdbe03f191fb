import { locate, type DataPath } from '../load/locate.js';
import type { SourceFile } from '../load/source.js';
import type { Quarter } from '../periods/periods.js';
import type { Activity, Assessment } from '../schema/activities.js';
import { stateAt, type ActivityState } from '../schema/history.js';
import type { Committee } from '../schema/council.js';
import type { Dataset, DepartmentRecords } from './dataset.js';
import type { Diagnostic, DiagnosticCode, Range, Severity } from '../diagnostics/diagnostic.js';

/** One problem a rule found: where it is (a data path inside a file) and what to say. */
export interface Problem {
  code: DiagnosticCode;
  severity?: Severity;
  message: string;
  source: SourceFile;
  /** Path of the value concerned; the nearest existing node is used. */
  path?: DataPath;
  /** Point at the key rather than the value. */
  keyOf?: boolean;
  /** Words inside the value to point at, when the problem is in some of its words. */
  words?: string;
  hint?: string | undefined;
}

/** What a rule sees: the accepted data, the period being reported (if any), and a way to report. */
export interface RuleContext {
  dataset: Dataset;
  /** The quarter coverage rules look at; undefined when no quarter has data. */
  quarter?: Quarter;
  /** The committee coverage rules are limited to (`validate --committee`); all departments when absent. */
  committee?: Committee;
  /** False when some activity file or activity failed to load or failed the schema, so gaps would be false alarms. */
  complete: boolean;
  report: (problem: Problem) => void;
}

/**
 * What a check says of itself, like an ESLint rule's `meta`: the code it
 * reports, how severe, what it means, an example that sets it off and what
 * to do. docs/diagnostics.md is generated from these (`npm run docs`).
 */
export interface CheckMeta {
  code: DiagnosticCode;
  severity: Severity;
  /** One sentence: what is wrong when this code is reported. */
  description: string;
  /** A few lines of YAML (or a comment saying what is missing) that set it off. */
  example: string;
  /** What to do about it, as the printed hint says. */
  hint: string;
}

/**
 * One check over the whole dataset: a small named function and what it says
 * of itself. Adding a rule is one file in `rules/` and one line in
 * `rules/index.ts`.
 */
export interface Rule {
  meta: CheckMeta;
  check: (context: RuleContext) => void;
}

/** Builds the context the rules share; reported problems are appended to `out`. */
export function createContext(
  dataset: Dataset,
  options: { quarter?: Quarter | undefined; committee?: Committee | undefined; complete: boolean },
  out: Diagnostic[],
): RuleContext {
  return {
    dataset,
    complete: options.complete,
    ...(options.quarter ? { quarter: options.quarter } : {}),
    ...(options.committee ? { committee: options.committee } : {}),
    report({ code, severity = 'error', message, source, path, keyOf, words, hint }) {
      const value = path ? locate(source, path, { keyOf: keyOf ?? false }) : undefined;
      const range = value && words !== undefined ? (findWords(source.text, value, words) ?? value) : value;
      out.push({ code, severity, message, file: source.path, ...(range ? { range } : {}), ...(hint ? { hint } : {}) });
    },
  };
}

/**
 * Where `words` are written inside the value at `range`: matched regardless
 * of case, with any run of spaces or a line break (a folded or wrapped
 * value) where the words have a space.
 */
function findWords(text: string, [start, end]: Range, words: string): Range | undefined {
  const pattern = words
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const found = new RegExp(pattern, 'i').exec(text.slice(start, end));
  return found ? [start + found.index, start + found.index + found[0].length] : undefined;
}

/** Where an accepted activity's updates are in its file, and whether all of them were accepted. */
export interface UpdatePlaces {
  /** The path of `activity.updates[j]` in the file. */
  pathOf(j: number): DataPath;
  /**
   * False when some of its updates failed the schema and were left out:
   * rules that read the activity's history (status, plans, outcomes across
   * updates) skip it, as what is missing would make false alarms.
   */
  whole: boolean;
}

/** Calls `visit` for every accepted activity, with the path of its record in its file and of its updates. */
export function forEachActivity(
  dataset: Dataset,
  visit: (activity: Activity, at: DataPath, department: DepartmentRecords, updates: UpdatePlaces) => void,
): void {
  for (const department of dataset.departments) {
    department.activities.forEach((activity, i) => {
      const at: DataPath = ['activities', department.activityIndex?.[i] ?? i];
      const kept = department.updateIndex?.[i];
      visit(activity, at, department, { pathOf: (j) => [...at, 'updates', kept?.[j] ?? j], whole: kept === undefined });
    });
  }
}

/** As {@link forEachActivity}, for the activities whose updates were all accepted: for rules that read an activity's history. */
export function forEachWholeActivity(
  dataset: Dataset,
  visit: (activity: Activity, at: DataPath, department: DepartmentRecords, updates: UpdatePlaces) => void,
): void {
  forEachActivity(dataset, (activity, at, department, updates) => {
    if (updates.whole) visit(activity, at, department, updates);
  });
}

/** The latest quarter an activity has an update for; undefined when it has none. */
export function lastQuarterOf(activity: Activity): string | undefined {
  let last: string | undefined;
  for (const u of activity.updates) if (last === undefined || u.quarter > last) last = u.quarter;
  return last;
}

/** Where an activity stands now: its state at the end of its latest update (before its first, its starting state). */
export function currentState(activity: Activity): ActivityState {
  return stateAt(activity, lastQuarterOf(activity) ?? '');
}

/** Calls `visit` for every accepted assessment, with the path of its record in its file. */
export function forEachAssessment(
  dataset: Dataset,
  visit: (assessment: Assessment, at: DataPath, department: DepartmentRecords) => void,
): void {
  for (const department of dataset.departments) {
    department.assessments.forEach((assessment, i) =>
      visit(assessment, ['assessments', department.assessmentIndex?.[i] ?? i], department),
    );
  }
}

/** True when coverage rules should look at this department. */
export function inScope(context: RuleContext, departmentId: string): boolean {
  return !context.committee || context.committee.departments.includes(departmentId);
}

/** "did you mean `x`?" when a close match exists, else the list of known values. */
export function didYouMean(guess: string | undefined, known: readonly string[], what: string): string | undefined {
  if (guess !== undefined) return `did you mean \`${guess}\`?`;
  return known.length > 0 ? `the ${what} are: ${known.join(', ')}` : undefined;
}
