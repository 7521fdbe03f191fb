import { formatQuarter, monthName, parseQuarter, quarterRange, type Quarter } from '../periods/periods.js';
import { figuresFor } from './figures.js';
import type { ActivityRef, Lookup } from './lookup.js';

/** How many quarters a trend looks back over at most. */
export const TREND_QUARTERS = 8;

/** One quarter of a trend: what the updates of that quarter say, and nothing later. */
export interface TrendPoint {
  /** `2023/24-Q1` */
  quarter: string;
  /** "April to June 2023" */
  words: string;
  /** Short enough for a chart's axis, in two lines: "Apr–Jun", "2023". */
  label: [string, string];
  residents: number;
  activities: number;
  coChairs: number;
}

/**
 * The quarters a trend up to `upTo` covers: the latest {@link TREND_QUARTERS}
 * up to and including it for which the council's data holds any update or
 * assessment. A paper about a quarter reads nothing after it.
 */
export function trendQuarters(lookup: Lookup, upTo: Quarter): Quarter[] {
  const last = formatQuarter(upTo);
  const seen = new Set<string>();
  for (const ref of lookup.activities) for (const u of ref.activity.updates) if (u.quarter <= last) seen.add(u.quarter);
  for (const a of lookup.assessments) if (a.quarter <= last) seen.add(a.quarter);
  seen.add(last);
  // Quarter ids have a fixed width, so they sort in time order as strings.
  return [...seen]
    .sort()
    .slice(-TREND_QUARTERS)
    .map((q) => parseQuarter(q)!);
}

/** Residents involved, activities and co-chair involvements of `refs` in each quarter. */
export function trendOf(refs: readonly ActivityRef[], quarters: readonly Quarter[], startMonth: number): TrendPoint[] {
  return quarters.map((q) => {
    const id = formatQuarter(q);
    const f = figuresFor(refs, [id]);
    const range = quarterRange(q, startMonth);
    return {
      quarter: id,
      words: range.words,
      label: quarterLabel(range.start, range.end),
      residents: f.residents,
      activities: f.activities,
      coChairs: f.coChairs,
    };
  });
}

/** "Apr–Jun" over "2023", or "Dec–Feb" over "2023–24" when the quarter spans two calendar years. */
export function quarterLabel(start: string, end: string): [string, string] {
  const month = (iso: string) => monthName(Number(iso.slice(5, 7))).slice(0, 3);
  const [y1, y2] = [start.slice(0, 4), end.slice(0, 4)];
  return [`${month(start)}–${month(end)}`, y1 === y2 ? y2 : `${y1}–${y2.slice(2)}`];
}
