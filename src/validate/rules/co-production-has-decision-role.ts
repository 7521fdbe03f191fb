import { forEachWholeActivity, type Rule } from '../rule.js';

/**
 * Work called co-production, when it starts or from an update on, has
 * residents sharing decisions: a resident co-chair (of the activity or its
 * group) or a recorded decision-making role. A warning: the claim may be
 * true but is not shown by the data.
 */
export const coProductionHasDecisionRole: Rule = {
  meta: {
    code: 'co-production-without-decision-role',
    severity: 'warning',
    description: 'An activity called co-production has no resident co-chair and no recorded decision-making role.',
    example: 'level: co-production\n# no decisionRole, and coChairs: 0 in every update',
    hint: 'record `decisionRole:` (what residents decide), or choose the level that fits: co-design, engagement or consultation',
  },
  check: ({ dataset, report }) => {
    const coChaired = new Set(dataset.council.groups.filter((g) => g.residentCoChair).map((g) => g.id));
    forEachWholeActivity(dataset, (activity, at, { source }, updates) => {
      if (activity.decisionRole) return;
      if (
        (activity.group !== undefined && coChaired.has(activity.group)) ||
        activity.updates.some((u) => u.coChairs > 0)
      )
        return;
      // The first place the level is called co-production: the activity's starting level, else the earliest update that says so.
      const j = activity.updates.reduce(
        (first, u, k) =>
          u.level === 'co-production' && (first < 0 || u.quarter < activity.updates[first]!.quarter) ? k : first,
        -1,
      );
      if (activity.level !== 'co-production' && j < 0) return;
      report({
        code: 'co-production-without-decision-role',
        severity: 'warning',
        message: `Activity \`${activity.id}\` is called co-production, but no resident co-chairs it and no decision-making role is recorded`,
        source,
        path: activity.level === 'co-production' ? [...at, 'level'] : [...updates.pathOf(j), 'level'],
        hint: 'record `decisionRole:` (what residents decide), or choose the level that fits: co-design, engagement or consultation',
      });
    });
  },
};
