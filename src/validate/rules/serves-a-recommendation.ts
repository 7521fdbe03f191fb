import { forEachActivity, type Rule } from '../rule.js';

/** Every activity says which recommendation (or measure) it serves, so it can be reported against one. */
export const servesARecommendation: Rule = {
  meta: {
    code: 'no-recommendation',
    severity: 'error',
    description: 'An activity does not say which recommendation it serves.',
    example: '- id: econ-signoff\n  recommendations: []\n  measures: []',
    hint: 'add `recommendations: [n]` or `measures: ["n.m"]`',
  },
  check: ({ dataset, report }) => {
    forEachActivity(dataset, (activity, at, { source }) => {
      if (activity.recommendations.length > 0 || activity.measures.length > 0) return;
      report({
        code: 'no-recommendation',
        message: `Activity \`${activity.id}\` does not say which recommendation it serves`,
        source,
        path: [...at, 'id'],
        hint: 'add `recommendations: [n]` or `measures: ["n.m"]`',
      });
    });
  },
};
