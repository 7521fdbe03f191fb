import type { Activity, Assessment, Update } from '../schema/activities.js';
import type { Department, Group } from '../schema/council.js';
import type { Recommendation } from '../schema/framework.js';
import type { Dataset } from '../validate/dataset.js';

/** An activity with its department, for building views. */
export interface ActivityRef {
  activity: Activity;
  department: Department;
  group?: Group;
  /** Recommendation numbers served, from `recommendations` and from `measures`. */
  serves: number[];
}

/** Indexes over a validated dataset, built once per model. */
export interface Lookup {
  dataset: Dataset;
  startMonth: number;
  departments: Map<string, Department>;
  groups: Map<string, Group>;
  recommendations: Recommendation[];
  activities: ActivityRef[];
  assessments: (Assessment & { department: string })[];
}

/** Indexes the dataset once for the model builders. */
export function buildLookup(dataset: Dataset): Lookup {
  const departments = new Map(dataset.council.departments.map((d) => [d.id, d]));
  const groups = new Map(dataset.council.groups.map((g) => [g.id, g]));
  const activities: ActivityRef[] = [];
  const assessments: Lookup['assessments'] = [];
  for (const file of dataset.departments) {
    const department = departments.get(file.department);
    if (!department) continue;
    for (const activity of file.activities) {
      const serves = new Set(activity.recommendations);
      for (const m of activity.measures) serves.add(Number(m.split('.')[0]));
      const group = activity.group ? groups.get(activity.group) : undefined;
      activities.push({ activity, department, ...(group ? { group } : {}), serves: [...serves].sort((a, b) => a - b) });
    }
    for (const a of file.assessments) assessments.push({ ...a, department: file.department });
  }
  const recommendations = [...dataset.framework.recommendations].sort((a, b) => a.number - b.number);
  return {
    dataset,
    startMonth: dataset.council.council.financialYearStart,
    departments,
    groups,
    recommendations,
    activities,
    assessments,
  };
}

/** Activities of the departments a committee covers, in file order. */
export function activitiesOf(lookup: Lookup, departmentIds: readonly string[]): ActivityRef[] {
  const wanted = new Set(departmentIds);
  return lookup.activities.filter((a) => wanted.has(a.department.id));
}

/** An activity's update for a quarter (`2023/24-Q1`), if any. */
export function updateFor(activity: Activity, quarter: string): Update | undefined {
  return activity.updates.find((u) => u.quarter === quarter);
}
