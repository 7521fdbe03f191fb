import { forEachActivity, type Rule } from '../rule.js';

/** An activity does not end before it starts. */
export const endsAfterStart: Rule = {
  meta: {
    code: 'date-order',
    severity: 'error',
    description: 'An activity ends before it starts.',
    example: 'start: 2023-06-01\nend: 2023-04-30',
    hint: 'check both dates: one of them is probably mistyped',
  },
  check: ({ dataset, report }) => {
    forEachActivity(dataset, (activity, at, { source }) => {
      if (activity.end === undefined || activity.end >= activity.start) return;
      report({
        code: 'date-order',
        message: `Activity \`${activity.id}\` ends on ${activity.end}, before it starts on ${activity.start}`,
        source,
        path: [...at, 'end'],
        hint: 'check both dates: one of them is probably mistyped',
      });
    });
  },
};
