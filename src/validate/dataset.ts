import type { SourceFile } from '../load/source.js';
import type { Activity, Assessment } from '../schema/activities.js';
import type { CouncilFile } from '../schema/council.js';
import type { FrameworkFile } from '../schema/framework.js';

/** A department's activity file after schema checks. */
export interface DepartmentRecords {
  source: SourceFile;
  department: string;
  assessments: Assessment[];
  activities: Activity[];
  /**
   * Where each of `activities` is listed in the file. Present only when some
   * activities failed the schema and were left out, so the rules can still
   * check (and point at) the others.
   */
  activityIndex?: number[];
  /** As `activityIndex`, for `assessments`. */
  assessmentIndex?: number[];
  /**
   * For each of `activities`, where each of its updates is listed, when some
   * of its updates failed the schema and were left out (undefined for an
   * activity kept whole). Such an activity's history is incomplete.
   */
  updateIndex?: (number[] | undefined)[];
}

/**
 * The council's data as the schema accepted it, with the sources kept so
 * later rules can still point at positions. When the data has errors this
 * may hold only the records that passed; nothing is rendered from it then.
 */
export interface Dataset {
  council: CouncilFile;
  councilSource: SourceFile;
  framework: FrameworkFile['framework'];
  frameworkSource: SourceFile;
  /** Department files that passed the schema (at least in part), sorted by path. */
  departments: DepartmentRecords[];
}
