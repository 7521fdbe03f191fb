import { UsageError } from '../../../errors.js';
import type { Department } from '../../../schema/council.js';
import type { Activity } from '../../../schema/activities.js';
import type { Dataset, DepartmentRecords } from '../../../validate/dataset.js';
import { currentState } from '../../../validate/rule.js';
import { suggest } from '../../../validate/suggest.js';
import type { Collector } from './values.js';

/** An activity of a department, with its position in the department's file. */
export interface ActivityTarget {
  department: DepartmentRecords;
  index: number;
  activity: Activity;
}

/**
 * The department to add an activity to: given by `--department`, the only
 * one, or chosen from the council's list. Undefined (and noted as missing)
 * when it cannot be asked.
 */
export async function chooseDepartment(
  dataset: Dataset,
  collector: Collector,
  given: string | undefined,
): Promise<Department | undefined> {
  const departments = dataset.council.departments;
  if (given !== undefined) return departmentById(departments, given);
  if (departments.length === 1) return departments[0];
  if (collector.prompts) {
    return collector.prompts.select({
      message: 'Which department?',
      choices: departments.map((d) => ({ name: `${d.name} (${d.id})`, value: d })),
    });
  }
  collector.missing.push('--department ID');
  return undefined;
}

function departmentById(departments: readonly Department[], id: string): Department {
  const found = departments.find((d) => d.id === id);
  if (found) return found;
  const guess = suggest(
    id,
    departments.map((d) => d.id),
  );
  throw new UsageError(
    `--department: no department \`${id}\` in council.yaml${guess ? `; did you mean \`${guess}\`?` : `; the departments are ${departments.map((d) => d.id).join(', ')}`}`,
  );
}

/**
 * The activity to add an update to: `--activity ID` (ids are unique across
 * departments, so the department follows), or a department and then an
 * activity chosen from lists.
 */
export async function chooseActivity(
  dataset: Dataset,
  collector: Collector,
  given: { department?: string; activity?: string },
): Promise<ActivityTarget | undefined> {
  // The index in the file: activities that failed the schema are not among the accepted ones.
  const all = dataset.departments.flatMap((department) =>
    department.activities.map((activity, i) => ({ department, index: department.activityIndex?.[i] ?? i, activity })),
  );
  const inDepartment =
    given.department === undefined
      ? all
      : all.filter(
          (t) => t.department.department === departmentById(dataset.council.departments, given.department!).id,
        );
  if (given.activity !== undefined) {
    const found = inDepartment.find((t) => t.activity.id === given.activity);
    if (found) return found;
    const guess = suggest(
      given.activity,
      inDepartment.map((t) => t.activity.id),
    );
    throw new UsageError(
      `--activity: no activity \`${given.activity}\`${given.department ? ` in ${given.department}` : ''}${guess ? `; did you mean \`${guess}\`?` : ''} (\`coprod add activity\` adds a new one)`,
    );
  }
  if (!collector.prompts) {
    collector.missing.push('--activity ID');
    return undefined;
  }
  if (inDepartment.length === 0)
    throw new UsageError('there is no activity to update yet: add one first with `coprod add activity`');
  const withActivities = dataset.departments.filter((d) => inDepartment.some((t) => t.department === d));
  const department =
    withActivities.length === 1
      ? withActivities[0]!
      : await collector.prompts.select({
          message: 'Which department?',
          choices: withActivities.map((d) => ({
            name: `${departmentName(dataset, d.department)} (${d.department})`,
            value: d,
          })),
        });
  return collector.prompts.select({
    message: 'Which activity?',
    choices: inDepartment
      .filter((t) => t.department === department)
      .map((t) => ({
        name: `${t.activity.title} (${t.activity.id}, ${currentState(t.activity).status})`,
        value: t,
        description: lastUpdateWords(t.activity),
      })),
  });
}

function departmentName(dataset: Dataset, id: string): string {
  return dataset.council.departments.find((d) => d.id === id)?.name ?? id;
}

function lastUpdateWords(activity: Activity): string {
  const last = activity.updates[activity.updates.length - 1];
  return last ? `last update: ${last.quarter}` : 'no updates yet';
}
