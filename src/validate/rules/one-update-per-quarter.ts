import { forEachActivity, type Rule } from '../rule.js';

/** An activity has at most one update for each quarter. */
export const oneUpdatePerQuarter: Rule = ({ dataset, report }) => {
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
};
