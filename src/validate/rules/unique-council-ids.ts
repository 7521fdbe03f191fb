import type { Rule } from '../rule.js';

/** Committees, departments and groups each have an id no other record of their kind uses. */
export const uniqueCouncilIds: Rule = {
  meta: {
    code: 'duplicate-id',
    severity: 'error',
    description: 'Two committees, departments or groups in `council.yaml` share an id.',
    example: 'departments:\n  - id: economy\n    name: Economy\n  - id: economy\n    name: Economic Development',
    hint: 'give each department (committee, group) its own id',
  },
  check: ({ dataset, report }) => {
    const { council, councilSource: source } = dataset;
    const lists = [
      ['committees', 'committee', council.committees],
      ['departments', 'department', council.departments],
      ['groups', 'group', council.groups],
    ] as const;
    for (const [key, kind, records] of lists) {
      const seen = new Set<string>();
      records.forEach((record, i) => {
        if (seen.has(record.id)) {
          report({
            code: 'duplicate-id',
            message: `Another ${kind} already has the id \`${record.id}\``,
            source,
            path: [key, i, 'id'],
            hint: `give each ${kind} its own id`,
          });
        }
        seen.add(record.id);
      });
    }
  },
};
