import { forEachActivity, type Rule } from '../rule.js';

/**
 * Work called co-production has residents sharing decisions: a resident
 * co-chair (of the activity or its group) or a recorded decision-making role.
 * A warning: the claim may be true but is not shown by the data.
 */
export const coProductionHasDecisionRole: Rule = ({ dataset, report }) => {
  const coChaired = new Set(dataset.council.groups.filter((g) => g.residentCoChair).map((g) => g.id));
  forEachActivity(dataset, (activity, at, { source }) => {
    if (activity.level !== 'co-production' || activity.decisionRole) return;
    if ((activity.group !== undefined && coChaired.has(activity.group)) || activity.updates.some((u) => u.coChairs > 0)) return;
    report({
      code: 'co-production-without-decision-role',
      severity: 'warning',
      message: `Activity \`${activity.id}\` is called co-production, but no resident co-chairs it and no decision-making role is recorded`,
      source,
      path: [...at, 'level'],
      hint: 'record `decisionRole:` (what residents decide), or choose the level that fits: co-design, engagement or consultation',
    });
  });
};
