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
}

/**
 * The council's data as the schema accepted it, with the sources kept so
 * later rules can still point at positions.
 */
export interface Dataset {
  council: CouncilFile;
  councilSource: SourceFile;
  framework: FrameworkFile['framework'];
  frameworkSource: SourceFile;
  /** Department files that passed the schema, sorted by path. */
  departments: DepartmentRecords[];
}
