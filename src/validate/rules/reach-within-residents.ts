import { forEachActivity, type Rule } from '../rule.js';

/**
 * Each resident is counted at most once per reach dimension, so a
 * dimension's counts add up to at most the residents involved. The message
 * names the dimension and never a count: a validate log may be read where the
 * papers' small-number rule should hold too (docs/privacy-and-reach.md).
 */
export const reachWithinResidents: Rule = {
  meta: {
    code: 'reach-exceeds-residents',
    severity: 'error',
    description: "An update's counts for one way of grouping residents add up to more than the residents involved.",
    example: 'residents: 5\nreach:\n  age: { under-25: 4, 25-to-49: 3 }',
    hint: 'count each resident at most once in a dimension (residents not counted are "not recorded"), or correct `residents`',
  },
  check: ({ dataset, report }) => {
    forEachActivity(dataset, (activity, _at, { source }, updates) => {
      activity.updates.forEach((update, j) => {
        for (const [dimension, counts] of Object.entries(update.reach ?? {})) {
          const sum = Object.values(counts).reduce((a, b) => a + b, 0);
          if (sum <= update.residents) continue;
          report({
            code: 'reach-exceeds-residents',
            message: `The ${update.quarter} update of activity \`${activity.id}\` counts more residents under \`${dimension}\` than its \`residents\` says were involved`,
            source,
            path: [...updates.pathOf(j), 'reach', dimension],
            keyOf: true,
            hint: 'count each resident at most once in a dimension (residents not counted are "not recorded"), or correct `residents`',
          });
        }
      });
    });
  },
};
