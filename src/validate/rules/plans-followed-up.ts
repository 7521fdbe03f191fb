import { formatQuarter, previousQuarter, quarterRange } from '../../periods/periods.js';
import { forEachActivity, inScope, type Rule } from '../rule.js';

/**
 * Warns when an activity said in last quarter's update what it would do next
 * (`next:`) but has no update this quarter: members ask what happened to
 * what was promised.
 */
export const plansFollowedUp: Rule = (context) => {
  const { dataset, quarter, complete, report } = context;
  if (!quarter || !complete) return;
  const q = formatQuarter(quarter);
  const prev = formatQuarter(previousQuarter(quarter));
  const quarterStart = quarterRange(quarter, dataset.council.council.financialYearStart).start;
  forEachActivity(dataset, (activity, at, department) => {
    if (!inScope(context, department.department) || activity.status === 'cancelled') return;
    if (activity.end !== undefined && activity.end < quarterStart) return;
    const j = activity.updates.findIndex((u) => u.quarter === prev && u.next !== undefined);
    if (j < 0 || activity.updates.some((u) => u.quarter === q)) return;
    report({
      code: 'coverage-follow-up',
      severity: 'warning',
      message: `Activity \`${activity.id}\` planned work for ${q} in its ${prev} update, but has no ${q} update`,
      source: department.source,
      path: [...at, 'updates', j, 'next'],
      keyOf: true,
      hint: `add a ${q} update saying what happened, with \`followUp:\``,
    });
  });
};
