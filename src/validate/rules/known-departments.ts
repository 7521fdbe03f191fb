import { suggest } from '../suggest.js';
import { didYouMean, type Rule } from '../rule.js';

/** Every department named by an activity file, a committee or a group is defined in council.yaml. */
export const knownDepartments: Rule = {
  meta: {
    code: 'unknown-department',
    severity: 'error',
    description: 'An activity file, committee or group names a department that `council.yaml` does not define.',
    example: '# activities/econmy.yaml\ndepartment: econmy',
    hint: 'did you mean `economy`? (the departments in council.yaml are listed)',
  },
  check: ({ dataset, report }) => {
    const { council, councilSource } = dataset;
    const ids = council.departments.map((d) => d.id);
    const known = new Set(ids);
    const hint = (id: string) => didYouMean(suggest(id, ids), ids, 'departments in council.yaml');

    for (const { department, source } of dataset.departments) {
      if (!known.has(department)) {
        report({
          code: 'unknown-department',
          message: `Department \`${department}\` is not defined in council.yaml`,
          source,
          path: ['department'],
          hint: hint(department),
        });
      }
    }
    council.committees.forEach((committee, i) => {
      committee.departments.forEach((id, j) => {
        if (!known.has(id)) {
          report({
            code: 'unknown-department',
            message: `Committee \`${committee.id}\` covers department \`${id}\`, which is not defined`,
            source: councilSource,
            path: ['committees', i, 'departments', j],
            hint: hint(id),
          });
        }
      });
    });
    council.groups.forEach((group, i) => {
      if (!known.has(group.department)) {
        report({
          code: 'unknown-department',
          message: `Group \`${group.id}\` belongs to department \`${group.department}\`, which is not defined`,
          source: councilSource,
          path: ['groups', i, 'department'],
          hint: hint(group.department),
        });
      }
    });
  },
};
