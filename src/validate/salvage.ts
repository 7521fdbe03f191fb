import { z } from 'zod';
import type { SourceFile } from '../load/source.js';
import { activityFileSchema, activitySchema, assessmentSchema } from '../schema/activities.js';
import type { DepartmentRecords } from './dataset.js';

/**
 * Keeps the records of a department file that pass the schema on their own,
 * when the file as a whole does not. Its schema errors are reported anyway;
 * this lets the dataset rules still check the other activities, so one typo
 * does not hide the next problem. Undefined when even `department` is unusable.
 *
 * Only whole activities are kept or dropped: keeping part of one (say, some
 * of its updates) could raise false alarms such as "completed without outcomes".
 */
export function salvageDepartmentFile(source: SourceFile): DepartmentRecords | undefined {
  const data = source.data as Record<string, unknown> | undefined;
  const department = activityFileSchema.shape.department.safeParse(data?.['department']);
  if (!department.success) return undefined;
  const activities = keepValid(activitySchema, data?.['activities']);
  const assessments = keepValid(assessmentSchema, data?.['assessments']);
  return {
    source,
    department: department.data,
    activities: activities.records,
    activityIndex: activities.index,
    assessments: assessments.records,
    assessmentIndex: assessments.index,
  };
}

function keepValid<T extends z.ZodType>(schema: T, list: unknown): { records: z.output<T>[]; index: number[] } {
  const records: z.output<T>[] = [];
  const index: number[] = [];
  if (!Array.isArray(list)) return { records, index };
  list.forEach((item, i) => {
    let parsed: z.ZodSafeParseResult<z.output<T>>;
    try {
      parsed = schema.safeParse(item);
    } catch (error) {
      // A record with so many problems that zod overflows the stack (already reported by checkSchema): not kept.
      if (error instanceof RangeError) return;
      throw error;
    }
    if (parsed.success) {
      records.push(parsed.data);
      index.push(i);
    }
  });
  return { records, index };
}
