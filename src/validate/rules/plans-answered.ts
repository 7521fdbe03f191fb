import { plansAsOf } from '../../schema/history.js';
import { forEachWholeActivity, lastQuarterOf, type Rule } from '../rule.js';

/**
 * An update that follows an open plan (an earlier update's `next:` that no
 * update has answered yet) says how it went with `followUp:`: the paper for
 * that quarter otherwise reports the plan as "not stated".
 */
export const plansAnswered: Rule = {
  meta: {
    code: 'plan-not-answered',
    severity: 'warning',
    description: 'An update does not say how the plan made the quarter before went.',
    example: 'updates:\n  - quarter: 2023/24-Q1\n    next: Run two workshops\n  - quarter: 2023/24-Q2   # no followUp',
    hint: 'add `followUp: {result: done|in-progress|carried-over|dropped, reason: …}` for the plan',
  },
  check: ({ dataset, report }) => {
    forEachWholeActivity(dataset, (activity, _at, { source }, updates) => {
      const last = lastQuarterOf(activity);
      if (last === undefined) return;
      for (const plan of plansAsOf(activity, last)) {
        for (const quarter of plan.unanswered) {
          const j = activity.updates.findIndex((u) => u.quarter === quarter);
          report({
            code: 'plan-not-answered',
            severity: 'warning',
            message: `The ${quarter} update of activity \`${activity.id}\` does not say how the plan made in its ${plan.madeIn} update went`,
            source,
            path: [...updates.pathOf(j), 'quarter'],
            keyOf: true,
            hint: `add \`followUp: {result: done|in-progress|carried-over|dropped, reason: …}\` for the plan "${shorten(plan.text)}"`,
          });
        }
      }
    });
  },
};

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
