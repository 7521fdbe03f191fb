import type { Rule } from '../rule.js';
import { suggest } from '../suggest.js';

/**
 * Each activity file names a known department (once); activities name known
 * groups; activity ids are unique across files; one update per quarter.
 */
export const activityReferences: Rule = {
  name: 'activity-references',
  check({ dataset, report }) {
    const departmentIds = dataset.council.departments.map((d) => d.id);
    const groupIds = dataset.council.groups.map((g) => g.id);
    const groups = new Set(groupIds);
    const fileOfDepartment = new Map<string, string>();
    const activityIds = new Map<string, string>();

    for (const dept of dataset.departments) {
      const { source } = dept;
      if (!departmentIds.includes(dept.department)) {
        const guess = suggest(dept.department, departmentIds);
        report({
          code: 'unknown-department',
          message: `department \`${dept.department}\` is not defined in council.yaml`,
          source,
          path: ['department'],
          hint: guess ? `did you mean \`${guess}\`?` : `defined departments: ${departmentIds.join(', ')}`,
        });
      }
      const other = fileOfDepartment.get(dept.department);
      if (other) {
        report({ code: 'duplicate-id', message: `department \`${dept.department}\` already has a file: ${other}`, source, path: ['department'], hint: 'keep one file per department' });
      } else fileOfDepartment.set(dept.department, source.path);

      dept.activities.forEach((activity, i) => {
        const first = activityIds.get(activity.id);
        if (first) {
          report({ code: 'duplicate-id', message: `activity id \`${activity.id}\` is already used in ${first}`, source, path: ['activities', i, 'id'], hint: 'activity ids must be unique across all files' });
        } else activityIds.set(activity.id, source.path);

        if (activity.group !== undefined && !groups.has(activity.group)) {
          const guess = suggest(activity.group, groupIds);
          report({
            code: 'unknown-group',
            message: `activity \`${activity.id}\` names group \`${activity.group}\`, which is not defined in council.yaml`,
            source,
            path: ['activities', i, 'group'],
            hint: guess ? `did you mean \`${guess}\`?` : `defined groups: ${groupIds.join(', ')}`,
          });
        }
        const quarters = new Set<string>();
        activity.updates.forEach((update, j) => {
          if (quarters.has(update.quarter)) {
            report({
              code: 'duplicate-quarter',
              message: `activity \`${activity.id}\` has two updates for ${update.quarter}`,
              source,
              path: ['activities', i, 'updates', j, 'quarter'],
              hint: 'merge them into one update',
            });
          }
          quarters.add(update.quarter);
        });
      });
    }
  },
};
