import { BUILT_IN_REACH_CATEGORIES } from '../../schema/council.js';
import { suggest } from '../suggest.js';
import { didYouMean, forEachActivity, type Rule } from '../rule.js';

/** An update's reach counts use the dimensions and categories council.yaml lists under `reach:`, and the built-in ones. */
export const knownReachGroups: Rule = {
  meta: {
    code: 'unknown-reach-group',
    severity: 'error',
    description: 'An update counts residents by a group type or group that council.yaml does not list under `reach:`.',
    example: 'reach:\n  agee: { under-25: 2 }',
    hint: 'use a group type and group listed under `reach: dimensions:` in council.yaml, or add it there',
  },
  check: ({ dataset, report }) => {
    const dimensions = dataset.council.reach?.dimensions ?? [];
    const dimensionIds = dimensions.map((d) => d.id);
    forEachActivity(dataset, (activity, _at, { source }, updates) => {
      activity.updates.forEach((update, j) => {
        for (const [dimensionId, counts] of Object.entries(update.reach ?? {})) {
          const at = [...updates.pathOf(j), 'reach', dimensionId];
          const dimension = dimensions.find((d) => d.id === dimensionId);
          if (!dimension) {
            report({
              code: 'unknown-reach-group',
              message: `The ${update.quarter} update of activity \`${activity.id}\` counts residents by \`${dimensionId}\`, which council.yaml does not list under \`reach:\``,
              source,
              path: at,
              keyOf: true,
              hint:
                didYouMean(suggest(dimensionId, dimensionIds), dimensionIds, 'reach dimensions in council.yaml') ??
                'list the dimension under `reach: dimensions:` in council.yaml',
            });
            continue;
          }
          const categoryIds = [...dimension.categories.map((c) => c.id), ...BUILT_IN_REACH_CATEGORIES];
          for (const categoryId of Object.keys(counts)) {
            if (categoryIds.includes(categoryId)) continue;
            report({
              code: 'unknown-reach-group',
              message: `The ${update.quarter} update of activity \`${activity.id}\` counts residents in \`${dimensionId}: ${categoryId}\`, which is not a category of that dimension in council.yaml`,
              source,
              path: [...at, categoryId],
              keyOf: true,
              hint: didYouMean(suggest(categoryId, categoryIds), categoryIds, `categories of \`${dimensionId}\``),
            });
          }
        }
      });
    });
  },
};
