import type { Rule } from '../rule.js';
import { suggest } from '../suggest.js';

/** Committees, departments and groups in `council.yaml` refer to each other correctly. */
export const councilReferences: Rule = {
  name: 'council-references',
  check({ dataset, report }) {
    const { council, councilSource: source } = dataset;
    const departmentIds = council.departments.map((d) => d.id);
    const known = new Set(departmentIds);
    const covered = new Set<string>();

    const duplicates = (kind: string, ids: string[], key: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) report({ code: 'duplicate-id', message: `${kind} id \`${id}\` is used twice`, source, path: [key, i, 'id'] });
        seen.add(id);
      });
    };
    duplicates('committee', council.committees.map((c) => c.id), 'committees');
    duplicates('department', departmentIds, 'departments');
    duplicates('group', council.groups.map((g) => g.id), 'groups');

    council.committees.forEach((committee, i) => {
      if (committee.departments.length === 0) {
        report({
          code: 'committee-without-department',
          message: `committee \`${committee.id}\` covers no department`,
          source,
          path: ['committees', i, 'departments'],
          hint: 'list the ids of the departments it covers',
        });
      }
      committee.departments.forEach((id, j) => {
        covered.add(id);
        if (!known.has(id)) {
          const guess = suggest(id, departmentIds);
          report({
            code: 'unknown-department',
            message: `committee \`${committee.id}\` covers department \`${id}\`, which is not defined`,
            source,
            path: ['committees', i, 'departments', j],
            hint: guess ? `did you mean \`${guess}\`?` : `defined departments: ${departmentIds.join(', ')}`,
          });
        }
      });
    });
    council.departments.forEach((department, i) => {
      if (!covered.has(department.id)) {
        report({
          code: 'department-without-committee',
          message: `department \`${department.id}\` is covered by no committee, so its activity is never reported`,
          source,
          path: ['departments', i, 'id'],
          hint: 'add it to a committee\'s `departments`',
        });
      }
    });
    council.groups.forEach((group, i) => {
      if (!known.has(group.department)) {
        const guess = suggest(group.department, departmentIds);
        report({
          code: 'unknown-department',
          message: `group \`${group.id}\` belongs to department \`${group.department}\`, which is not defined`,
          source,
          path: ['groups', i, 'department'],
          hint: guess ? `did you mean \`${guess}\`?` : undefined,
        });
      }
    });
  },
};
