import { forEachActivity, type Rule } from '../rule.js';

/** Resident co-chairs are among the residents involved, so there cannot be more of them. */
export const coChairsWithinResidents: Rule = {
  meta: {
    code: 'co-chairs-exceed-residents',
    severity: 'error',
    description: 'More resident co-chairs than residents involved.',
    example: 'residents: 2\ncoChairs: 3',
    hint: 'co-chairs are counted among the residents involved: check both numbers',
  },
  check: ({ dataset, report }) => {
    forEachActivity(dataset, (activity, _at, { source }, updates) => {
      activity.updates.forEach((update, j) => {
        if (update.coChairs <= update.residents) return;
        report({
          code: 'co-chairs-exceed-residents',
          message: `The ${update.quarter} update of activity \`${activity.id}\` counts ${update.coChairs} resident co-chairs but only ${update.residents} residents involved`,
          source,
          path: [...updates.pathOf(j), 'coChairs'],
          hint: 'co-chairs are counted among the residents involved: check both numbers',
        });
      });
    });
  },
};
