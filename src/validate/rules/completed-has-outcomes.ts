import type { DataPath } from '../../load/locate.js';
import type { Activity } from '../../schema/activities.js';
import { isOldShape } from '../../schema/history.js';
import { currentState, forEachWholeActivity, type Rule, type UpdatePlaces } from '../rule.js';

/** A completed activity records what changed because of it ("you said, we did"). */
export const completedHasOutcomes: Rule = {
  meta: {
    code: 'completed-without-outcomes',
    severity: 'error',
    description: 'A completed activity records no "you said, we did" outcomes.',
    example: 'updates:\n  - quarter: 2023/24-Q2\n    status: completed',
    hint: 'add `outcomes:` (`youSaid:` and `weDid:`) to its last update',
  },
  check: ({ dataset, report }) => {
    forEachWholeActivity(dataset, (activity, at, { source }, updates) => {
      if (currentState(activity).status !== 'completed' || activity.updates.some((u) => u.outcomes.length > 0)) return;
      report({
        code: 'completed-without-outcomes',
        message: `Activity \`${activity.id}\` is completed but records no outcomes`,
        source,
        path: statusPath(activity, at, updates),
        hint: 'add `outcomes:` (`youSaid:` and `weDid:`) to its last update',
      });
    });
  },
};

/** Where the activity's current status is written: its latest update that records one, or (old shape) the activity. */
function statusPath(activity: Activity, at: DataPath, updates: UpdatePlaces): DataPath {
  if (isOldShape(activity)) return [...at, 'status'];
  let latest = -1;
  activity.updates.forEach((u, j) => {
    if (u.status !== undefined && (latest < 0 || u.quarter >= activity.updates[latest]!.quarter)) latest = j;
  });
  return latest < 0 ? [...at, 'status'] : [...updates.pathOf(latest), 'status'];
}
