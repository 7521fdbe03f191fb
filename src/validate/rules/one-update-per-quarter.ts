import { forEachActivity, type Rule } from '../rule.js';

/** An activity has at most one update for each quarter. */
export const oneUpdatePerQuarter: Rule = {
  meta: {
    code: 'duplicate-quarter',
    severity: 'error',
    description: 'An activity has two updates for the same quarter.',
    example: 'updates:\n  - quarter: 2023/24-Q1\n    …\n  - quarter: 2023/24-Q1\n    …',
    hint: 'merge the two updates into one, or correct the quarter',
  },
  check: ({ dataset, report }) => {
    forEachActivity(dataset, (activity, _at, { source }, updates) => {
      const seen = new Set<string>();
      activity.updates.forEach((update, j) => {
        if (seen.has(update.quarter)) {
          report({
            code: 'duplicate-quarter',
            message: `Activity \`${activity.id}\` has a second update for ${update.quarter}`,
            source,
            path: [...updates.pathOf(j), 'quarter'],
            hint: 'merge the two updates into one, or correct the quarter',
          });
        }
        seen.add(update.quarter);
      });
    });
  },
};
