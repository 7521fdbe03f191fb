import type { Activity } from '../../schema/activities.js';
import { isOldShape } from '../../schema/history.js';
import { forEachWholeActivity, type Rule } from '../rule.js';

/**
 * The activity's status belongs on its updates (the status at the end of
 * each quarter), so a paper about a past quarter shows that quarter's
 * status. In the old shape, a status on the activity and none on its
 * updates, every paper shows today's status: a warning, as the data still
 * reads. When its updates do record a status, one left on the activity is
 * ignored, which is said too.
 */
export const statusOnUpdates: Rule = {
  meta: {
    code: 'status-on-activity',
    severity: 'warning',
    description: "An activity carries `status:` itself, where each quarter's status belongs on its update.",
    example: '- id: econ-signoff\n  status: completed',
    hint: 'remove `status:` from the activity, and give each update its `status:`',
  },
  check: ({ dataset, report }) => {
    forEachWholeActivity(dataset, (activity, at, { source }) => {
      if (activity.status === undefined) return;
      const old = isOldShape(activity);
      report({
        code: 'status-on-activity',
        severity: 'warning',
        message: old
          ? `Activity \`${activity.id}\` records its status on the activity, so papers about past quarters will show today's status (${activity.status})`
          : `Activity \`${activity.id}\` records a status on the activity as well as on its updates; the one on the activity is ignored`,
        source,
        path: [...at, 'status'],
        keyOf: true,
        hint: hintFor(activity, old),
      });
    });
  },
};

function hintFor(activity: Activity, old: boolean): string {
  if (!old)
    return 'remove `status:` from the activity; record a change of status on the update for the quarter it happened';
  if (activity.updates.length === 0)
    return 'remove `status:` from the activity (it is planned until its first update), and give each update its `status:`';
  return "move `status:` onto each update (the activity's status at the end of that quarter) and remove it from the activity";
}
