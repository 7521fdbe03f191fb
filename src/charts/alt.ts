import { listInWords } from '../model/words.js';

/**
 * Alternative text that states what a chart shows, with its numbers, made
 * from the same data as the chart so that it is true for it: a rise, a
 * fall, no change, or a single quarter.
 */

/** A value in some period, as the alternative text names it. */
export interface Reading {
  words: string;
  value: number;
}

/** "April to June and July to September 2023": the first period's year is left out when both end in the same one. */
export function betweenPeriods(first: string, second: string): string {
  const year = / (\d{4})$/.exec(second)?.[1];
  const trimmed = year && first.endsWith(` ${year}`) && !/\d{4}/.test(first.slice(0, -5)) ? first.slice(0, -5) : first;
  return `${trimmed} and ${second}`;
}

/** "rose from 235 to 252", "fell from 9 to 8", "stayed at 4". */
export function changeWords(before: number, after: number): string {
  if (after > before) return `rose from ${before} to ${after}`;
  if (after < before) return `fell from ${before} to ${after}`;
  return `stayed at ${after}`;
}

/**
 * The change of several measures between the last two quarters shown, in
 * one sentence: "Between April to June and July to September 2023, residents
 * involved rose from 235 to 252 and activities fell from 9 to 8." With one
 * quarter only, its values.
 */
export function trendSentence(series: readonly { name: string; readings: readonly Reading[] }[]): string {
  const first = series[0]?.readings;
  if (!first || first.length === 0) return '';
  const last = first.at(-1)!;
  if (first.length === 1) {
    return `In ${last.words}, the only quarter with data so far, ${listInWords(series.map((s) => `${s.name} were ${s.readings.at(-1)!.value}`))}.`;
  }
  const before = first.at(-2)!;
  const changes = series.map((s) => `${s.name} ${changeWords(s.readings.at(-2)!.value, s.readings.at(-1)!.value)}`);
  return `Between ${betweenPeriods(before.words, last.words)}, ${listInWords(changes)}.`;
}

/**
 * One measure for several bodies: "Between April to June and July to
 * September 2023, residents involved rose from 120 to 130 for the Economy
 * PAC and stayed at 40 for the Climate PAC."
 */
export function byBodySentence(
  measure: string,
  series: readonly { name: string; readings: readonly Reading[] }[],
): string {
  const first = series[0]?.readings;
  if (!first || first.length === 0) return '';
  const last = first.at(-1)!;
  if (first.length === 1)
    return `In ${last.words}, the only quarter with data so far, ${measure} were ${listInWords(series.map((s) => `${s.readings.at(-1)!.value} for ${s.name}`))}.`;
  const changes = series.map((s) => `${changeWords(s.readings.at(-2)!.value, s.readings.at(-1)!.value)} for ${s.name}`);
  return `Between ${betweenPeriods(first.at(-2)!.words, last.words)}, ${measure} ${listInWords(changes)}.`;
}

/** Every value in time order: "Per quarter: residents involved 66, 82 and 61; activities 6, 7 and 6." Nothing for one quarter. */
export function valuesSentence(
  series: readonly { name: string; readings: readonly Reading[] }[],
  lead = 'Per quarter',
): string {
  if ((series[0]?.readings.length ?? 0) < 2) return '';
  return `${lead}: ${series.map((s) => `${s.name} ${listInWords(s.readings.map((r) => String(r.value)))}`).join('; ')}.`;
}

/** "over the 4 quarters from October to December 2022 to July to September 2023", or "in July to September 2023". */
export function spanWords(readings: readonly Reading[]): string {
  if (readings.length <= 1) return `in ${readings[0]?.words ?? ''}`;
  return `over the ${readings.length} quarters from ${readings[0]!.words} to ${readings.at(-1)!.words}`;
}

/** Levels of involvement, now against before: "co-production 3, up from 2; co-design 1, as before". */
export function levelsSentence(
  periods: readonly string[],
  rows: readonly { level: string; counts: readonly number[] }[],
): string {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  if (periods.length === 1) {
    return `Activities by level of involvement in ${periods[0]}: ${listInWords(rows.map((r) => `${lower(r.level)} ${r.counts[0]}`))}.`;
  }
  const parts = rows.map((r) => {
    const [before, now] = [r.counts[0]!, r.counts[1]!];
    const change = now > before ? `up from ${before}` : now < before ? `down from ${before}` : 'as before';
    return `${lower(r.level)} ${now}, ${change}`;
  });
  return `Activities by level of involvement in ${periods[1]} against ${periods[0]}: ${parts.join('; ')}.`;
}

/** The heat map's finding: the largest cell, how many are empty, and the items no committee served. */
export function coverageSentence(
  data: {
    itemWord: string;
    columns: readonly number[];
    rows: readonly { committee: string; cells: readonly number[] }[];
  },
  periodWords: string,
  committeeWord: string,
): string {
  const cells = data.rows.flatMap((r) =>
    r.cells.map((value, i) => ({ committee: r.committee, item: data.columns[i]!, value })),
  );
  const lead = `Activities serving each ${data.itemWord} by ${committeeWord} in ${periodWords}, with the count written in each cell.`;
  if (cells.length === 0) return lead;
  const most = cells.reduce((a, b) => (b.value > a.value ? b : a));
  const empty = cells.filter((c) => c.value === 0).length;
  const unserved = data.columns.filter((_, i) => data.rows.every((r) => r.cells[i] === 0));
  const parts = [lead];
  parts.push(
    most.value === 0
      ? 'No activity served any of them.'
      : `The largest count, ${most.value}, is the ${most.committee}'s on ${data.itemWord} ${most.item}.`,
  );
  if (most.value > 0) parts.push(`${empty} of the ${cells.length} cells are 0.`);
  if (most.value > 0 && unserved.length > 0)
    parts.push(`No ${committeeWord} reported activity on ${data.itemWord} ${listInWords(unserved.map(String))}.`);
  return parts.join(' ');
}
