import { formatQuarter, quarterRange } from '../../periods/periods.js';
import { forEachActivity, inScope, type Rule } from '../rule.js';

/** Warns about a recommendation that no activity served in the quarter being reported. */
export const recommendationsCovered: Rule = {
  meta: {
    code: 'coverage-recommendation',
    severity: 'warning',
    description: 'No activity served a recommendation in the quarter checked.',
    example: '# no activity with an update in 2023/24-Q1 serves recommendation 3',
    hint: 'the report will show this gap; say why under barriers, or link an activity to it',
  },
  check: (context) => {
    const { dataset, quarter, complete, committee, report } = context;
    // With some activity unreadable, a gap it hides would be a false alarm.
    if (!quarter || !complete) return;
    const q = formatQuarter(quarter);
    const served = new Set<number>();
    forEachActivity(dataset, (activity, _at, department) => {
      if (!inScope(context, department.department) || !activity.updates.some((u) => u.quarter === q)) return;
      activity.recommendations.forEach((n) => served.add(n));
      activity.measures.forEach((m) => served.add(Number(m.split('.')[0])));
    });
    const where = committee ? `in the departments of committee \`${committee.id}\`` : 'in the council';
    const words = quarterRange(quarter, dataset.council.council.financialYearStart).words;
    dataset.framework.recommendations.forEach((rec, i) => {
      if (served.has(rec.number)) return;
      report({
        code: 'coverage-recommendation',
        severity: 'warning',
        message: `No activity ${where} served recommendation ${rec.number} (${rec.title}) in ${q} (${words})`,
        source: dataset.frameworkSource,
        path: ['framework', 'recommendations', i, 'number'],
        hint: 'the report will show this gap; say why under barriers, or link an activity to it',
      });
    });
  },
};
