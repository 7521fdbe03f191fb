import type { Rule } from '../rule.js';

/** Figures and claims that contradict each other. */
export const consistency: Rule = {
  name: 'consistency',
  check({ dataset, report }) {
    const coChairedGroups = new Set(dataset.council.groups.filter((g) => g.residentCoChair).map((g) => g.id));
    for (const dept of dataset.departments) {
      const { source } = dept;
      dept.activities.forEach((activity, i) => {
        if (activity.status === 'completed' && !activity.updates.some((u) => u.outcomes.length > 0)) {
          report({
            code: 'completed-without-outcomes',
            message: `activity \`${activity.id}\` is completed but records no outcomes`,
            source,
            path: ['activities', i, 'status'],
            hint: 'add `outcomes:` (youSaid / weDid) to its last update',
          });
        }
        activity.updates.forEach((update, j) => {
          if (update.coChairs > update.residents) {
            report({
              code: 'co-chairs-exceed-residents',
              message: `${update.coChairs} resident co-chairs but only ${update.residents} residents involved in ${update.quarter}`,
              source,
              path: ['activities', i, 'updates', j, 'coChairs'],
              hint: 'co-chairs are counted among the residents involved',
            });
          }
        });
        const coChaired = activity.group !== undefined && coChairedGroups.has(activity.group);
        const coChairedUpdate = activity.updates.some((u) => u.coChairs > 0);
        if (activity.level === 'co-production' && !coChaired && !coChairedUpdate && !activity.decisionRole) {
          report({
            code: 'co-production-without-decision-role',
            severity: 'warning',
            message: `activity \`${activity.id}\` claims co-production, but no resident co-chairs it and no decision-making role is recorded`,
            source,
            path: ['activities', i, 'level'],
            hint: 'record `decisionRole:` (what residents decide), or use level co-design or consultation',
          });
        }
      });
    }
  },
};
