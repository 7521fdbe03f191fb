import { forEachActivity, type Rule } from '../rule.js';

/** A completed activity records what changed because of it ("you said, we did"). */
export const completedHasOutcomes: Rule = ({ dataset, report }) => {
  forEachActivity(dataset, (activity, at, { source }) => {
    if (activity.status !== 'completed' || activity.updates.some((u) => u.outcomes.length > 0)) return;
    report({
      code: 'completed-without-outcomes',
      message: `Activity \`${activity.id}\` is completed but records no outcomes`,
      source,
      path: [...at, 'status'],
      hint: 'add `outcomes:` (`youSaid:` and `weDid:`) to its last update',
    });
  });
};
