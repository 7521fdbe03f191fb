import type { Recommendation } from '../../schema/framework.js';
import { suggest } from '../suggest.js';
import { forEachActivity, type Rule } from '../rule.js';

/** Activities name only measures the framework lists under their recommendation. */
export const knownMeasures: Rule = {
  meta: {
    code: 'unknown-measure',
    severity: 'error',
    description: 'A measure that is not in the framework (`5.6`, or `4.1` when recommendation 4 has no measures).',
    example: 'measures: ["5.6"]',
    hint: "measures are numbered after their recommendation, e.g. 5.1 (the framework's are listed)",
  },
  check: ({ dataset, report }) => {
    const recommendations = new Map(dataset.framework.recommendations.map((r) => [r.number, r]));
    const numbers = [...recommendations.keys()].join(', ');
    forEachActivity(dataset, (activity, at, { source }) => {
      activity.measures.forEach((id, j) => {
        const rec = recommendations.get(Number(id.split('.')[0]));
        if (rec?.measures.some((m) => m.id === id)) return;
        report({
          code: 'unknown-measure',
          message: `Activity \`${activity.id}\` names measure ${id}, which is not in the framework`,
          source,
          path: [...at, 'measures', j],
          hint: rec ? measureHint(id, rec) : `measures are numbered after their recommendation (${numbers}), e.g. 5.1`,
        });
      });
    });
  },
};

function measureHint(id: string, rec: Recommendation): string {
  if (rec.measures.length === 0)
    return `recommendation ${rec.number} has no measures: list ${rec.number} under \`recommendations\` instead`;
  const ids = rec.measures.map((m) => m.id);
  const guess = suggest(id, ids);
  return `${guess ? `did you mean ${guess}? ` : ''}recommendation ${rec.number} has measures ${ids.join(', ')}`;
}
