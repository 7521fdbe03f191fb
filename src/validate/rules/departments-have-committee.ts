import type { Rule } from '../rule.js';

/** Every department is covered by a committee; otherwise its activity is never reported. */
export const departmentsHaveCommittee: Rule = {
  meta: {
    code: 'department-without-committee',
    severity: 'error',
    description: 'No committee covers a department, so its activity would never be reported.',
    example: 'committees:\n  - id: economy-pac\n    departments: [climate]   # economy is in no committee',
    hint: 'add `economy` to the `departments` of a committee',
  },
  check: ({ dataset, report }) => {
    const { council, councilSource: source } = dataset;
    const covered = new Set(council.committees.flatMap((c) => c.departments));
    council.departments.forEach((department, i) => {
      if (covered.has(department.id)) return;
      report({
        code: 'department-without-committee',
        message: `Department \`${department.id}\` is covered by no committee, so its activity is never reported`,
        source,
        path: ['departments', i, 'id'],
        hint: `add \`${department.id}\` to the \`departments\` of a committee`,
      });
    });
  },
};
