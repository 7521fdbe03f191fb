import type { Rule } from '../rule.js';
import { suggest } from '../suggest.js';

/** Recommendations and measures an activity names must exist in the framework; every activity serves one. */
export const frameworkReferences: Rule = {
  name: 'framework-references',
  check({ dataset, report }) {
    const recommendations = new Map(dataset.framework.recommendations.map((r) => [r.number, r]));
    const numbers = [...recommendations.keys()].join(', ');
    for (const dept of dataset.departments) {
      dept.activities.forEach((activity, i) => {
        activity.recommendations.forEach((n, j) => {
          if (!recommendations.has(n)) {
            report({
              code: 'unknown-recommendation',
              message: `activity \`${activity.id}\` names recommendation ${n}, which is not in the framework`,
              source: dept.source,
              path: ['activities', i, 'recommendations', j],
              hint: `the recommendations are numbered ${numbers}`,
            });
          }
        });
        activity.measures.forEach((id, j) => {
          const rec = recommendations.get(Number(id.split('.')[0]));
          if (rec?.measures.some((m) => m.id === id)) return;
          const hint = !rec
            ? `the recommendations are numbered ${numbers}`
            : rec.measures.length === 0
              ? `recommendation ${rec.number} has no measures: list it under \`recommendations\` instead`
              : (() => {
                  const guess = suggest(id, rec.measures.map((m) => m.id));
                  return `recommendation ${rec.number} has measures ${rec.measures.map((m) => m.id).join(', ')}${guess ? `; did you mean ${guess}?` : ''}`;
                })();
          report({
            code: 'unknown-measure',
            message: `activity \`${activity.id}\` names measure ${id}, which is not in the framework`,
            source: dept.source,
            path: ['activities', i, 'measures', j],
            hint,
          });
        });
        if (activity.recommendations.length === 0 && activity.measures.length === 0) {
          report({
            code: 'no-recommendation',
            message: `activity \`${activity.id}\` serves no recommendation`,
            source: dept.source,
            path: ['activities', i, 'id'],
            hint: 'add `recommendations: [n]` or `measures: ["n.m"]`',
          });
        }
      });
      dept.assessments.forEach((assessment, i) => {
        if (!recommendations.has(assessment.recommendation)) {
          report({
            code: 'unknown-recommendation',
            message: `assessment names recommendation ${assessment.recommendation}, which is not in the framework`,
            source: dept.source,
            path: ['assessments', i, 'recommendation'],
            hint: `the recommendations are numbered ${numbers}`,
          });
        }
      });
    }
    const seen = new Set<number>();
    dataset.framework.recommendations.forEach((rec, i) => {
      if (seen.has(rec.number)) {
        report({ code: 'duplicate-id', message: `recommendation ${rec.number} is defined twice`, source: dataset.frameworkSource, path: ['framework', 'recommendations', i, 'number'] });
      }
      seen.add(rec.number);
      rec.measures.forEach((m, j) => {
        if (Number(m.id.split('.')[0]) !== rec.number) {
          report({ code: 'invalid-value', message: `measure ${m.id} is listed under recommendation ${rec.number}`, source: dataset.frameworkSource, path: ['framework', 'recommendations', i, 'measures', j, 'id'] });
        }
      });
    });
  },
};
