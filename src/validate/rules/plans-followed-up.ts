import { formatQuarter, quarterRange } from '../../periods/periods.js';
import { plansAsOf, stateAt } from '../../schema/history.js';
import { forEachWholeActivity, inScope, type Rule } from '../rule.js';

/**
 * Warns when an activity said in an update what it would do next (`next:`),
 * the plan was due by the quarter being reported, and no update has come
 * since: members ask what happened to what was promised. (An update that
 * came but did not say how the plan went is `plan-not-answered`.) Cancelled
 * and completed activities, and those that ended before the quarter, owe
 * no update.
 */
export const plansFollowedUp: Rule = {
  meta: {
    code: 'coverage-follow-up',
    severity: 'warning',
    description: 'A plan due by the quarter checked has had no update since it was made.',
    example: '# the 2023/24-Q1 update planned `next:` work, and no later update exists',
    hint: 'add an update for the quarter saying what happened, with `followUp:`',
  },
  check: (context) => {
    const { dataset, quarter, complete, report } = context;
    if (!quarter || !complete) return;
    const q = formatQuarter(quarter);
    const quarterStart = quarterRange(quarter, dataset.council.council.financialYearStart).start;
    forEachWholeActivity(dataset, (activity, _at, department, updates) => {
      if (!inScope(context, department.department)) return;
      if (activity.end !== undefined && activity.end < quarterStart) return;
      const { status } = stateAt(activity, q);
      if (status === 'cancelled' || status === 'completed') return;
      // An open plan no update has followed: every later update either answers the latest open plan or is listed as not answering it.
      for (const plan of plansAsOf(activity, q)) {
        if (plan.closedIn !== undefined || plan.unanswered.length > 0 || plan.dueIn > q) continue;
        const j = activity.updates.findIndex((u) => u.quarter === plan.madeIn && u.next !== undefined);
        report({
          code: 'coverage-follow-up',
          severity: 'warning',
          message: `Activity \`${activity.id}\` planned work for ${plan.dueIn} in its ${plan.madeIn} update, but ${plan.dueIn === q ? `has no ${q} update` : `has had no update since, up to ${q}`}`,
          source: department.source,
          path: [...updates.pathOf(j), 'next'],
          keyOf: true,
          hint: `add a ${q} update saying what happened, with \`followUp:\``,
        });
      }
    });
  },
};
