import { parseQuarter, quarterRange } from '../../periods/periods.js';
import type { Rule } from '../rule.js';

/** An activity ends before it starts, or has an update for a quarter outside its dates. */
export const dateOrder: Rule = {
  name: 'date-order',
  check({ dataset, report }) {
    const startMonth = dataset.council.council.financialYearStart;
    for (const dept of dataset.departments) {
      dept.activities.forEach((activity, i) => {
        if (activity.end && activity.end < activity.start) {
          report({
            code: 'date-order',
            message: `activity \`${activity.id}\` ends (${activity.end}) before it starts (${activity.start})`,
            source: dept.source,
            path: ['activities', i, 'end'],
          });
        }
        activity.updates.forEach((update, j) => {
          const q = parseQuarter(update.quarter);
          if (!q) return;
          const range = quarterRange(q, startMonth);
          if (range.end < activity.start || (activity.end !== undefined && range.start > activity.end)) {
            report({
              code: 'update-outside-dates',
              message: `update for ${update.quarter} (${range.words}) is outside the activity's dates (${activity.start} to ${activity.end ?? 'ongoing'})`,
              source: dept.source,
              path: ['activities', i, 'updates', j, 'quarter'],
              hint: 'check the quarter, or the activity\'s start and end dates',
            });
          }
        });
      });
    }
  },
};
