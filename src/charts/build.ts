import { quartersOfHalf, type Half, type Quarter } from '../periods/periods.js';
import { activitiesOf, type Lookup } from '../model/lookup.js';
import { shortCommitteeName } from '../model/terms.js';
import type { QuarterlyModel } from '../model/quarterly.js';
import type { SummaryModel } from '../model/summary.js';
import { quarterLabel, trendOf, trendQuarters, type TrendPoint } from '../model/trend.js';
import { byBodySentence, coverageSentence, levelsSentence, spanWords, trendSentence, valuesSentence } from './alt.js';
import type { Chart, TrendBar } from './chart.js';

/**
 * The charts of each paper, made from its view model and, for trends, the
 * same figures for earlier quarters (never a later one). Pure: no drawing.
 */

const MEASURES = [
  { key: 'residents', name: 'Residents involved', short: 'Residents' },
  { key: 'activities', name: 'Activities', short: 'Activities' },
  { key: 'coChairs', name: 'Co-chair involvements', short: 'Co-chairs' },
] as const;

/** What a quarterly update's template gets: each chart (when drawn) with the table that goes beside it. */
export interface QuarterlyCharts {
  /** Every value is written on the chart and in its alternative text. */
  trend: Chart;
  levels: Chart | undefined;
  all: Chart[];
}

/** What the board's summary template gets. */
export interface SummaryCharts {
  /** Every committee's trends; its alternative text gives every value. */
  trends: Chart;
  coverage: Chart;
  all: Chart[];
}

function bars(points: readonly TrendPoint[], key: (typeof MEASURES)[number]['key']): TrendBar[] {
  return points.map((p) => ({ quarter: p.quarter, label: p.label, value: p[key] }));
}

function readings(points: readonly TrendPoint[], key: (typeof MEASURES)[number]['key']) {
  return points.map((p) => ({ words: p.words, value: p[key] }));
}

/** A committee's trend and its levels of involvement this quarter against last. */
export function quarterlyCharts(
  model: QuarterlyModel,
  lookup: Lookup,
  quarter: Quarter,
  baseName: string,
): QuarterlyCharts {
  const committee = lookup.dataset.council.committees.find((c) => c.id === model.committee.id)!;
  const points = trendOf(
    activitiesOf(lookup, committee.departments),
    trendQuarters(lookup, quarter),
    lookup.startMonth,
  );
  const short = shortCommitteeName(committee.name, model.terms);
  const series = MEASURES.map((m) => ({ name: m.name.toLowerCase(), readings: readings(points, m.key) }));
  const trend = {
    file: `${baseName}-trend.png`,
    title: `${short}: residents involved, activities and co-chair involvements per quarter`,
    alt: `Bar charts of residents involved, activities and co-chair involvements for the ${short} ${spanWords(series[0]!.readings)}. ${trendSentence(series)} ${valuesSentence(series)}`.trim(),
    data: { kind: 'trend' as const, panels: MEASURES.map((m) => ({ measure: m.short, bars: bars(points, m.key) })) },
  };
  const rows = model.reach.levels;
  const periods = [model.previous.words, model.period.words];
  const labels = [model.previous, model.period].map((p) => quarterLabel(p.start, p.end).join(' '));
  const levels: Chart | undefined =
    rows.length === 0
      ? undefined
      : {
          file: `${baseName}-levels.png`,
          title: `${short}: activities by level of involvement, ${model.period.words} against ${model.previous.words}`,
          alt: `Bar chart. ${levelsSentence(
            periods,
            rows.map((r) => ({ level: r.level, counts: [r.previous, r.activities] })),
          )}`,
          data: {
            kind: 'levels',
            periods: labels,
            rows: rows.map((r) => ({ level: r.level, counts: [r.previous, r.activities] })),
          },
        };
  // Side by side, so that both fit at the foot of a paper's last page.
  const shared = levels ? { trend: { ...trend, share: 0.56 }, levels: { ...levels, share: 0.43 } } : { trend, levels };
  return { ...shared, all: [shared.trend, ...(shared.levels ? [shared.levels] : [])] };
}

/** The board's trends by committee in one grid, and the coverage heat map. */
export function summaryCharts(model: SummaryModel, lookup: Lookup, half: Half, baseName: string): SummaryCharts {
  const quarters = trendQuarters(lookup, quartersOfHalf(half)[1]);
  const committees = lookup.dataset.council.committees.map((c, i) => ({
    name: model.coverage.rows[i]!.shortName,
    points: trendOf(activitiesOf(lookup, c.departments), quarters, lookup.startMonth),
  }));
  const first = committees[0]?.points ?? [];
  const [residents, ...others] = MEASURES.map((m) =>
    byBodySentence(
      m.name.toLowerCase(),
      committees.map((c) => ({ name: `the ${c.name}`, readings: readings(c.points, m.key) })),
    ),
  );
  const trends = {
    file: `${baseName}-trends.png`,
    title: `Residents involved, activities and co-chair involvements per quarter by ${model.terms.committeeType}`,
    alt: [
      `Line charts of residents involved, activities and co-chair involvements per quarter for each ${model.terms.committeeType} ${spanWords(readings(first, 'residents'))}, with the first and last values written.`,
      residents,
      ...others,
      // Every value, as the chart writes only the first and last.
      ...committees.map((c) =>
        valuesSentence(
          MEASURES.map((m) => ({ name: m.name.toLowerCase(), readings: readings(c.points, m.key) })),
          `Per quarter for the ${c.name}`,
        ),
      ),
    ]
      .filter((t) => t !== '')
      .join(' '),
    data: {
      kind: 'committee-trend' as const,
      measures: MEASURES.map((m) => m.short),
      quarters: first.map((p) => p.quarter),
      span: `${first.length > 1 ? `${first[0]!.label.join(' ')} to ${first.at(-1)!.label.join(' ')}` : (first[0]?.label.join(' ') ?? '')}; first and last values written`,
      panels: committees.map((c) => ({ committee: c.name, series: MEASURES.map((m) => bars(c.points, m.key)) })),
    },
  };
  const coverageData = {
    kind: 'coverage' as const,
    itemWord: model.terms.item,
    columns: model.coverage.numbers,
    rows: model.coverage.rows.map((r) => ({ committee: r.shortName, cells: r.cells })),
  };
  const coverage: Chart = {
    file: `${baseName}-coverage.png`,
    title: `Coverage of ${model.terms.framework} by ${model.terms.committeeType}, ${model.half.words}`,
    alt: `Heat map. ${coverageSentence(coverageData, model.half.words, model.terms.committeeType)}`,
    data: coverageData,
  };
  return { trends, coverage, all: [trends, coverage] };
}
