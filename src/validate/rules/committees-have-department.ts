import type { Rule } from '../rule.js';

/** Every committee covers at least one department; otherwise its report would be empty. */
export const committeesHaveDepartment: Rule = {
  meta: {
    code: 'committee-without-department',
    severity: 'error',
    description: 'A committee covers no department.',
    example: 'committees:\n  - id: economy-pac\n    departments: []',
    hint: 'list the ids of the departments it covers, e.g. `departments: [economy]`',
  },
  check: ({ dataset, report }) => {
    dataset.council.committees.forEach((committee, i) => {
      if (committee.departments.length > 0) return;
      report({
        code: 'committee-without-department',
        message: `Committee \`${committee.id}\` covers no department`,
        source: dataset.councilSource,
        path: ['committees', i, 'departments'],
        hint: 'list the ids of the departments it covers, e.g. `departments: [economy]`',
      });
    });
  },
};
