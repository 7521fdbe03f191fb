import type { Rule } from '../rule.js';

/** Each recommendation of the framework has its own number. */
export const uniqueRecommendationNumbers: Rule = {
  meta: {
    code: 'duplicate-id',
    severity: 'error',
    description: 'Two recommendations in the framework share a number.',
    example: 'recommendations:\n  - number: 5\n    …\n  - number: 5\n    …',
    hint: 'give each recommendation its own number',
  },
  check: ({ dataset, report }) => {
    const seen = new Set<number>();
    dataset.framework.recommendations.forEach((rec, i) => {
      if (seen.has(rec.number)) {
        report({
          code: 'duplicate-id',
          message: `Recommendation ${rec.number} is defined twice in the framework`,
          source: dataset.frameworkSource,
          path: ['framework', 'recommendations', i, 'number'],
          hint: 'give each recommendation its own number',
        });
      }
      seen.add(rec.number);
    });
  },
};
