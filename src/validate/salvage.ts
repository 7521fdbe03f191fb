import { z } from 'zod';
import type { SourceFile } from '../load/source.js';
import {
  activityFileSchema,
  activitySchema,
  assessmentSchema,
  updateSchema,
  type Activity,
} from '../schema/activities.js';
import type { DepartmentRecords } from './dataset.js';

/**
 * Keeps the records of a department file that pass the schema on their own,
 * when the file as a whole does not. Its schema errors are reported anyway;
 * this lets the dataset rules still check the rest, so one typo does not
 * hide the next problem. Undefined when even `department` is unusable.
 *
 * An activity that fails only because of some of its updates is kept
 * without them, so its other problems (an unknown group, a miscounted
 * update) are still found; it is marked as partial, and the rules that read
 * an activity's whole history (status, plans, outcomes) pass it by, as the
 * missing updates could make false alarms such as "completed without
 * outcomes". Any other failing activity is left out whole.
 */
export function salvageDepartmentFile(source: SourceFile): DepartmentRecords | undefined {
  const data = source.data as Record<string, unknown> | undefined;
  const department = activityFileSchema.shape.department.safeParse(data?.['department']);
  if (!department.success) return undefined;
  const activities = keepValid(activitySchema, data?.['activities'], withoutBadUpdates);
  const assessments = keepValid(assessmentSchema, data?.['assessments']);
  return {
    source,
    department: department.data,
    activities: activities.records,
    activityIndex: activities.index,
    ...(activities.parts.some((p) => p !== undefined) ? { updateIndex: activities.parts } : {}),
    assessments: assessments.records,
    assessmentIndex: assessments.index,
  };
}

/** What was kept of a list: the records, where each is in the list, and (for a record kept in part) where each of its updates is. */
interface Kept<T> {
  records: T[];
  index: number[];
  parts: (number[] | undefined)[];
}

/** A record that fails the schema, kept in part: the record and where each of the updates it keeps is listed. */
type KeepInPart<T> = (item: unknown) => { record: T; kept: number[] } | undefined;

function keepValid<T extends z.ZodType>(schema: T, list: unknown, inPart?: KeepInPart<z.output<T>>): Kept<z.output<T>> {
  const kept: Kept<z.output<T>> = { records: [], index: [], parts: [] };
  if (!Array.isArray(list)) return kept;
  list.forEach((item, i) => {
    const parsed = safeParse(schema, item);
    const part = parsed?.success ? undefined : inPart?.(item);
    if (!parsed?.success && !part) return;
    kept.records.push(parsed?.success ? parsed.data : part!.record);
    kept.index.push(i);
    kept.parts.push(part?.kept);
  });
  return kept;
}

/** The activity without the updates that fail the schema on their own, when that is all that is wrong with it. */
function withoutBadUpdates(item: unknown): { record: Activity; kept: number[] } | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const updates = (item as Record<string, unknown>)['updates'];
  if (!Array.isArray(updates)) return undefined;
  const kept = updates.flatMap((u, j) => (safeParse(updateSchema, u)?.success ? [j] : []));
  if (kept.length === updates.length) return undefined;
  const parsed = safeParse(activitySchema, { ...item, updates: kept.map((j): unknown => updates[j]) });
  return parsed?.success ? { record: parsed.data, kept } : undefined;
}

/** Parses, or undefined for a record with so many problems that zod overflows the stack (already reported by checkSchema). */
function safeParse<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> | undefined {
  try {
    return schema.safeParse(value);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
