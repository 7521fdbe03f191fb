import type { Level } from '../../schema/activities.js';
import { stateAt } from '../../schema/history.js';
import { forEachWholeActivity, type Rule } from '../rule.js';

// The levels where residents share in decisions (as in the papers' model).
const SHARED_DECISION_LEVELS: readonly Level[] = ['co-design', 'co-production'];

/**
 * When the council counts who takes part, work where residents share in
 * decisions (co-design or co-production) should say who they were: the
 * Board's first question is whether those closest to decisions reflect
 * everyone. A warning, once per activity, when none of its updates counts
 * anyone by group.
 */
export const sharedDecisionsRecordReach: Rule = {
  meta: {
    code: 'reach-not-recorded',
    severity: 'warning',
    description:
      'An activity at co-design or co-production level counts none of its residents by group, though council.yaml lists groups under `reach:`.',
    example: 'level: co-production\nupdates:\n  - quarter: 2023/24-Q1\n    residents: 8',
    hint: 'add `reach:` to its updates: how many of the residents involved belong to each group council.yaml lists (counts, never names)',
  },
  check: ({ dataset, report }) => {
    if (!dataset.council.reach) return;
    forEachWholeActivity(dataset, (activity, at, { source }) => {
      if (activity.updates.length === 0 || activity.updates.some((u) => u.reach && Object.keys(u.reach).length > 0))
        return;
      if (!activity.updates.some((u) => SHARED_DECISION_LEVELS.includes(stateAt(activity, u.quarter).level))) return;
      report({
        code: 'reach-not-recorded',
        severity: 'warning',
        message: `Activity \`${activity.id}\` works at co-design or co-production level, but none of its updates counts who took part`,
        source,
        path: [...at, 'id'],
        hint: 'add `reach:` to its updates: how many of the residents involved belong to each group council.yaml lists (counts, never names)',
      });
    });
  },
};
