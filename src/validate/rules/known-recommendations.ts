import { forEachActivity, forEachAssessment, type Rule } from '../rule.js';

/** Activities and assessments name only recommendations that are in the framework. */
export const knownRecommendations: Rule = {
  meta: {
    code: 'unknown-recommendation',
    severity: 'error',
    description: 'A recommendation number that is not in the framework (e.g. 9).',
    example: 'recommendations: [9]',
    hint: "the framework's recommendations are numbered 1, 2, …, 8",
  },
  check: ({ dataset, report }) => {
    const numbers = dataset.framework.recommendations.map((r) => r.number);
    const known = new Set(numbers);
    const hint = `the framework's recommendations are numbered ${numbers.join(', ')}`;
    forEachActivity(dataset, (activity, at, { source }) => {
      activity.recommendations.forEach((n, j) => {
        if (known.has(n)) return;
        report({
          code: 'unknown-recommendation',
          message: `Activity \`${activity.id}\` names recommendation ${n}, which is not in the framework`,
          source,
          path: [...at, 'recommendations', j],
          hint,
        });
      });
    });
    forEachAssessment(dataset, (assessment, at, { source }) => {
      if (known.has(assessment.recommendation)) return;
      report({
        code: 'unknown-recommendation',
        message: `The ${assessment.quarter} assessment names recommendation ${assessment.recommendation}, which is not in the framework`,
        source,
        path: [...at, 'recommendation'],
        hint,
      });
    });
  },
};
