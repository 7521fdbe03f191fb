import type { Rule } from '../rule.js';

/** Each department's activities are in one file, so nothing is counted twice. */
export const oneFilePerDepartment: Rule = {
  meta: {
    code: 'duplicate-id',
    severity: 'error',
    description: 'Two activity files belong to one department.',
    example: '# activities/economy.yaml and activities/economy-2.yaml both say:\ndepartment: economy',
    hint: 'keep one file per department, or correct `department:`',
  },
  check: ({ dataset, report }) => {
    const fileOf = new Map<string, string>();
    for (const { department, source } of dataset.departments) {
      const other = fileOf.get(department);
      if (other !== undefined) {
        report({
          code: 'duplicate-id',
          message: `Department \`${department}\` already has an activity file: ${other}`,
          source,
          path: ['department'],
          hint: 'keep one file per department, or correct `department:`',
        });
      } else fileOf.set(department, source.path);
    }
  },
};
