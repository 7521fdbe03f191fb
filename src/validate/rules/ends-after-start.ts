import { forEachActivity, type Rule } from '../rule.js';

/** An activity does not end before it starts. */
export const endsAfterStart: Rule = ({ dataset, report }) => {
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
};
