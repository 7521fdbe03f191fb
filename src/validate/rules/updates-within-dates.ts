import { parseQuarter, quarterRange } from '../../periods/periods.js';
import { forEachActivity, type Rule } from '../rule.js';

/** Each update is for a quarter that overlaps the activity's start and end dates. */
export const updatesWithinDates: Rule = {
  meta: {
    code: 'update-outside-dates',
    severity: 'error',
    description: "An update is for a quarter outside the activity's dates.",
    example: 'start: 2023-04-01\nend: 2023-06-30\nupdates:\n  - quarter: 2023/24-Q3',
    hint: "check the quarter, or the activity's `start` and `end`",
  },
  check: ({ dataset, report }) => {
    const startMonth = dataset.council.council.financialYearStart;
    forEachActivity(dataset, (activity, _at, { source }, updates) => {
      // Dates in the wrong order are reported by endsAfterStart; every update would look out of range.
      if (activity.end !== undefined && activity.end < activity.start) return;
      activity.updates.forEach((update, j) => {
        const q = parseQuarter(update.quarter);
        if (!q) return;
        const range = quarterRange(q, startMonth);
        if (range.end >= activity.start && (activity.end === undefined || range.start <= activity.end)) return;
        const dates =
          activity.end === undefined
            ? `which starts on ${activity.start}`
            : `which runs from ${activity.start} to ${activity.end}`;
        report({
          code: 'update-outside-dates',
          message: `The ${update.quarter} update (${range.words}) is outside the dates of activity \`${activity.id}\`, ${dates}`,
          source,
          path: [...updates.pathOf(j), 'quarter'],
          hint: "check the quarter, or the activity's `start` and `end`",
        });
      });
    });
  },
};
