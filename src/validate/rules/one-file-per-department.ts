import type { Rule } from '../rule.js';

/** Each department's activities are in one file, so nothing is counted twice. */
export const oneFilePerDepartment: Rule = ({ dataset, report }) => {
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
};
