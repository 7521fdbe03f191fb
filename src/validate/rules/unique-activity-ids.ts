import { forEachActivity, type Rule } from '../rule.js';

/** Activity ids are unique across all department files, so a report can refer to one. */
export const uniqueActivityIds: Rule = {
  meta: {
    code: 'duplicate-id',
    severity: 'error',
    description: 'Two activities share an id (ids are unique across all department files).',
    example: 'activities:\n  - id: econ-signoff\n    …\n  - id: econ-signoff\n    …',
    hint: 'give each activity its own id: ids must be unique across all department files',
  },
  check: ({ dataset, report }) => {
    const fileOf = new Map<string, string>();
    forEachActivity(dataset, (activity, at, { source }) => {
      const first = fileOf.get(activity.id);
      if (first !== undefined) {
        report({
          code: 'duplicate-id',
          message: `Another activity already has the id \`${activity.id}\`${first === source.path ? ' in this file' : ` in ${first}`}`,
          source,
          path: [...at, 'id'],
          hint: 'give each activity its own id: ids must be unique across all department files',
        });
      } else fileOf.set(activity.id, source.path);
    });
  },
};
