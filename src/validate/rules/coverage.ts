import { formatQuarter, previousQuarter, quarterRange } from '../../periods/periods.js';
import type { Rule } from '../rule.js';

/**
 * Warnings about gaps in the quarter being reported: a recommendation nobody
 * worked on, a department with no return, a plan that was not followed up.
 */
export const coverage: Rule = {
  name: 'coverage',
  check({ dataset, quarter, complete, report }) {
    // With a department file unreadable, every gap it hides would be a false alarm.
    if (!quarter || !complete) return;
    const q = formatQuarter(quarter);
    const prev = formatQuarter(previousQuarter(quarter));
    const words = quarterRange(quarter, dataset.council.council.financialYearStart).words;
    const served = new Set<number>();
    const reporting = new Set<string>();

    for (const dept of dataset.departments) {
      dept.activities.forEach((activity, i) => {
        const current = activity.updates.find((u) => u.quarter === q);
        if (current) {
          reporting.add(dept.department);
          activity.recommendations.forEach((n) => served.add(n));
          activity.measures.forEach((m) => served.add(Number(m.split('.')[0])));
        }
        const earlier = activity.updates.find((u) => u.quarter === prev);
        if (earlier?.next && !current && activity.status !== 'cancelled') {
          report({
            code: 'coverage-follow-up',
            severity: 'warning',
            message: `activity \`${activity.id}\` planned work for ${q} in its ${prev} update, but has no ${q} update`,
            source: dept.source,
            path: ['activities', i, 'id'],
            hint: `add a ${q} update saying what happened, with \`followUp:\``,
          });
        }
      });
    }
    dataset.framework.recommendations.forEach((rec, i) => {
      if (!served.has(rec.number)) {
        report({
          code: 'coverage-recommendation',
          severity: 'warning',
          message: `no activity anywhere in the council served recommendation ${rec.number} (${rec.title}) in ${words}`,
          source: dataset.frameworkSource,
          path: ['framework', 'recommendations', i, 'number'],
        });
      }
    });
    dataset.council.departments.forEach((department, i) => {
      if (!reporting.has(department.id)) {
        report({
          code: 'coverage-department',
          severity: 'warning',
          message: `department \`${department.id}\` has no activity update for ${q} (${words})`,
          source: dataset.councilSource,
          path: ['departments', i, 'id'],
        });
      }
    });
  },
};
