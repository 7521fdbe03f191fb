import type { Rule } from '../rule.js';

/** In the framework, measure n.m is listed under recommendation n. */
export const measuresUnderTheirRecommendation: Rule = {
  meta: {
    code: 'measure-misplaced',
    severity: 'error',
    description: 'In the framework, measure n.m is listed under another recommendation.',
    example: '- number: 4\n  measures:\n    - id: "5.1"',
    hint: 'move it to its recommendation, or number it 4.n',
  },
  check: ({ dataset, report }) => {
    dataset.framework.recommendations.forEach((rec, i) => {
      rec.measures.forEach((measure, j) => {
        if (Number(measure.id.split('.')[0]) === rec.number) return;
        report({
          code: 'measure-misplaced',
          message: `Measure ${measure.id} is listed under recommendation ${rec.number}`,
          source: dataset.frameworkSource,
          path: ['framework', 'recommendations', i, 'measures', j, 'id'],
          hint: `move it to its recommendation, or number it ${rec.number}.n`,
        });
      });
    });
  },
};
