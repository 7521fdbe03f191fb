import type { Rule } from '../rule.js';

/** Every department is covered by a committee; otherwise its activity is never reported. */
export const departmentsHaveCommittee: Rule = ({ dataset, report }) => {
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
};
