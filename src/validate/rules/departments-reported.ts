import { formatQuarter, quarterRange } from '../../periods/periods.js';
import { inScope, type Rule } from '../rule.js';

/** Warns about a department with no activity update for the quarter being reported. */
export const departmentsReported: Rule = {
  meta: {
    code: 'coverage-department',
    severity: 'warning',
    description: 'A department has no update for the quarter checked.',
    example: '# activities/climate.yaml has no update for 2023/24-Q1',
    hint: 'add 2023/24-Q1 updates to its activities, or explain the gap in its report',
  },
  check: (context) => {
    const { dataset, quarter, complete, report } = context;
    if (!quarter || !complete) return;
    const q = formatQuarter(quarter);
    const reporting = new Set(
      dataset.departments
        .filter((d) => d.activities.some((a) => a.updates.some((u) => u.quarter === q)))
        .map((d) => d.department),
    );
    const words = quarterRange(quarter, dataset.council.council.financialYearStart).words;
    dataset.council.departments.forEach((department, i) => {
      if (reporting.has(department.id) || !inScope(context, department.id)) return;
      report({
        code: 'coverage-department',
        severity: 'warning',
        message: `Department \`${department.id}\` has no activity update for ${q} (${words})`,
        source: dataset.councilSource,
        path: ['departments', i, 'id'],
        hint: `add ${q} updates to its activities, or explain the gap in its report`,
      });
    });
  },
};
