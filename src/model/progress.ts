import type { Rag } from '../schema/activities.js';
import { activeIn, directionOfTravel, recommendationStatus, type Figures, type PeriodNoun } from './figures.js';
import type { ActivityRef, Lookup } from './lookup.js';

/** One recommendation's progress in a period, for some departments. */
export interface RecommendationView {
  number: number;
  /** Paragraph number in the detailed analysis, e.g. "6.3". */
  paragraph: string;
  title: string;
  plainTitle: string;
  aim: string;
  /** The measures some activity served in the period. */
  measures: { id: string; text: string; activities: number; activityTitles: string }[];
  /** Ids of the measures no activity served, joined: "1.1, 1.2". */
  quietMeasures: string;
  /** How many measures the item has. */
  measureCount: number;
  activities: number;
  /** Activities in the previous period, for comparison. */
  previousActivities: number;
  residents: number;
  status: string;
  rag: Rag | undefined;
  /** How many departments gave each rating, when more than one did. */
  ratings: string | undefined;
  direction: string;
  /** Each department's latest narrative in the period. */
  narratives: { department: string; text: string }[];
  activityTitles: string[];
  /** Titles joined for a table cell. */
  activityList: string;
}

/** Which activities and quarters a set of recommendation views is about. */
export interface ProgressScope {
  refs: readonly ActivityRef[];
  departmentIds: readonly string[];
  /** The period's quarters, in time order. */
  quarters: readonly string[];
  previousQuarters: readonly string[];
  noun: PeriodNoun;
  /** Whether the data holds anything for the previous period; without it there is no direction of travel. */
  hasPrevious: boolean;
}

/** Every recommendation of the framework, in order, with its progress in the scope. */
export function progressViews(lookup: Lookup, scope: ProgressScope): RecommendationView[] {
  const { refs, departmentIds, quarters, previousQuarters, noun } = scope;
  const none = noun === 'quarter' ? 'None this quarter' : 'None this half-year';
  return lookup.recommendations.map((rec) => {
    const measures = rec.measures.map((m) => {
      const measured = activeIn(refs, quarters)
        .filter((r) => r.serves.includes(rec.number) && r.activity.measures.includes(m.id))
        .map((r) => r.activity.title);
      return { id: m.id, text: m.text, activities: measured.length, activityTitles: measured.join('; ') };
    });
    const current = recommendationStatus(lookup, refs, departmentIds, rec.number, quarters, noun);
    const before = recommendationStatus(lookup, refs, departmentIds, rec.number, previousQuarters, noun);
    const serving = activeIn(refs, quarters).filter((r) => r.serves.includes(rec.number));
    const titles = serving.map((r) => r.activity.title);
    return {
      number: rec.number,
      paragraph: '',
      title: rec.title,
      plainTitle: rec.plainTitle,
      aim: rec.aim,
      measures: measures.filter((m) => m.activities > 0),
      quietMeasures: measures
        .filter((m) => m.activities === 0)
        .map((m) => m.id)
        .join(', '),
      measureCount: measures.length,
      activities: current.activities,
      previousActivities: before.activities,
      residents: current.residents,
      status: current.status,
      rag: current.rag,
      ratings: current.ratings,
      direction: scope.hasPrevious ? directionOfTravel(current, before, noun) : 'Not known: no earlier data',
      narratives: latestNarratives(lookup, departmentIds, rec.number, quarters),
      activityTitles: titles,
      activityList: titles.join('; ') || none,
    };
  });
}

/** Each department's latest narrative on a recommendation within `quarters`, in department order. */
function latestNarratives(
  lookup: Lookup,
  departmentIds: readonly string[],
  recommendation: number,
  quarters: readonly string[],
): { department: string; text: string }[] {
  const out: { department: string; text: string }[] = [];
  for (const id of departmentIds) {
    const mine = lookup.assessments.filter(
      (a) => a.department === id && a.recommendation === recommendation && quarters.includes(a.quarter),
    );
    const latest = mine.sort((a, b) => quarters.indexOf(a.quarter) - quarters.indexOf(b.quarter)).at(-1);
    if (latest) out.push({ department: lookup.departments.get(id)!.name, text: latest.narrative });
  }
  return out;
}

/** A row of a resourcing table. */
export interface MoneyRow {
  label: string;
  accessCosts: number;
  participationFees: number;
  spend: number;
  total: number;
}

/** A resourcing table row from figures. */
export function moneyRow(label: string, f: Figures): MoneyRow {
  return { label, accessCosts: f.accessCosts, participationFees: f.participationFees, spend: f.spend, total: f.total };
}

/** A row of the appendix: a measure some activity served, or an item with no numbered measures that had activity. */
export interface MeasureRow {
  /** "5.3", or "4" for an item without numbered measures. */
  measure: string;
  /** What the measure says, or the item's title. */
  text: string;
  /** The activities' titles, joined, or their number. */
  activities: string;
}

/**
 * The appendix of measures: one row for each measure some activity served in
 * the period (with the activities' titles, or how many when `titles` is
 * false), and the ids of the measures none served, joined.
 */
export function measureAppendix(
  progress: readonly RecommendationView[],
  titles: boolean,
  noMeasures: (title: string) => string,
): { rows: MeasureRow[]; quiet: string; example: { measure: string; position: number; item: number } | undefined } {
  const rows: MeasureRow[] = [];
  for (const p of progress) {
    for (const m of p.measures)
      rows.push({ measure: m.id, text: m.text, activities: titles ? m.activityTitles : String(m.activities) });
    if (p.measureCount === 0 && p.activities > 0)
      rows.push({
        measure: String(p.number),
        text: noMeasures(p.title),
        activities: titles ? p.activityList : String(p.activities),
      });
  }
  const quiet = progress.flatMap((p) => (p.quietMeasures ? p.quietMeasures.split(', ') : []));
  return { rows, quiet: quiet.join(', '), example: measureExample(progress) };
}

/** How measure ids read, shown with the first measure some activity served: "2.1 is measure 1 of recommendation 2". */
export function measureExample(
  progress: readonly RecommendationView[],
): { measure: string; position: number; item: number } | undefined {
  const first = progress.find((p) => p.measures.length > 0);
  return first
    ? { measure: first.measures[0]!.id, position: Number(first.measures[0]!.id.split('.')[1]), item: first.number }
    : undefined;
}
