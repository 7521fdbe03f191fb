import { suggest } from '../suggest.js';
import { didYouMean, forEachActivity, type Rule } from '../rule.js';

/** An activity's `group` is one of the co-production groups defined in council.yaml. */
export const knownGroups: Rule = {
  meta: {
    code: 'unknown-group',
    severity: 'error',
    description: 'An activity names a co-production group that `council.yaml` does not define.',
    example: '- id: econ-signoff\n  group: dpo-forum-x',
    hint: 'define the group under `groups:` in council.yaml (or the nearest id is suggested)',
  },
  check: ({ dataset, report }) => {
    const ids = dataset.council.groups.map((g) => g.id);
    const known = new Set(ids);
    forEachActivity(dataset, (activity, at, { source }) => {
      if (activity.group === undefined || known.has(activity.group)) return;
      report({
        code: 'unknown-group',
        message: `Activity \`${activity.id}\` names group \`${activity.group}\`, which is not defined in council.yaml`,
        source,
        path: [...at, 'group'],
        hint:
          didYouMean(suggest(activity.group, ids), ids, 'groups in council.yaml') ??
          'define the group under `groups:` in council.yaml',
      });
    });
  },
};
