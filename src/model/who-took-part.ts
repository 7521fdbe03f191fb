import type { BUILT_IN_REACH_CATEGORIES, ReachDimension } from '../schema/council.js';
import type { Dataset } from '../validate/dataset.js';
import type { Paragraph } from './common.js';
import { updatesIn, type PeriodNoun } from './figures.js';
import type { ActivityRef } from './lookup.js';
import { fewerThan, suppressColumn, type Shown } from './suppress.js';
import { listInWords } from './words.js';

/** One group's row: what is published for it now and before, and its share of the council's Disabled residents. */
export interface WhoTookPartRow {
  group: string;
  now: string;
  before: string;
  population: string;
}

/** One dimension's table, with the numbered paragraph that introduces it. */
export interface WhoTookPartTable {
  number: string;
  caption: string;
  dimension: string;
  hasPopulation: boolean;
  rows: WhoTookPartRow[];
  total: WhoTookPartRow;
}

/** The "who took part, by group" part of a paper. */
export interface WhoTookPartView {
  intro: Paragraph;
  tables: WhoTookPartTable[];
  after: Paragraph[];
  /** Column headings for the two periods. */
  nowLabel: string;
  beforeLabel: string;
  hasPrevious: boolean;
  /** The paragraph number after the last one used. */
  next: number;
}

/** What a paper's who-took-part part is built from. */
export interface WhoTookPartInput {
  dataset: Dataset;
  refs: readonly ActivityRef[];
  quarters: readonly string[];
  previousQuarters: readonly string[];
  noun: PeriodNoun;
  hasPrevious: boolean;
  area: string;
  /** Section number and the first paragraph number to use. */
  section: number;
  from: number;
}

const BUILT_IN_NAMES: Record<(typeof BUILT_IN_REACH_CATEGORIES)[number], string> = {
  'prefer-not-to-say': 'Prefer not to say',
  'not-recorded': 'Not recorded',
};

/**
 * A dimension's counts over the updates of `refs` in `quarters`: one cell per
 * category, then "prefer not to say" and "not recorded" (the residents
 * involved no count placed), so the cells add up to the residents involved.
 */
export function reachColumn(
  dimension: ReachDimension,
  refs: readonly ActivityRef[],
  quarters: readonly string[],
): number[] {
  const ids = [...dimension.categories.map((c) => c.id), 'prefer-not-to-say'];
  const cells = ids.map(() => 0);
  let residents = 0;
  for (const ref of refs) {
    for (const u of updatesIn(ref, quarters)) {
      residents += u.residents;
      const counts = u.reach?.[dimension.id] ?? {};
      ids.forEach((id, i) => (cells[i]! += counts[id] ?? 0));
    }
  }
  const placed = cells.reduce((a, b) => a + b, 0);
  return [...cells, Math.max(0, residents - placed)];
}

/** Whether any update of `refs` in `quarters` counts anyone by group. */
function anyRecorded(refs: readonly ActivityRef[], quarters: readonly string[]): boolean {
  return refs.some((r) => updatesIn(r, quarters).some((u) => Object.keys(u.reach ?? {}).length > 0));
}

/** "12 (30%)", "fewer than 5", "not shown", "0": a share only of a published count, out of a published total (`of`). */
function cellText(shown: Shown, of: number | undefined, threshold: number): string {
  if (shown.kind === 'small') return fewerThan(threshold);
  if (shown.kind === 'hidden') return 'not shown';
  const count = shown.value.toLocaleString('en-GB');
  return shown.value === 0 || of === undefined || of === 0
    ? count
    : `${count} (${Math.round((shown.value / of) * 100)}%)`;
}

/**
 * How many residents a column places in one of the council's groups: the
 * total less "prefer not to say" and "not recorded", when both are published;
 * otherwise no share can be printed without revealing them.
 */
function placedOf(column: readonly number[], shown: readonly Shown[]): number | undefined {
  const n = column.length - 2;
  if (shown[n]!.kind !== 'count' || shown[n + 1]!.kind !== 'count') return undefined;
  return column.slice(0, n).reduce((a, b) => a + b, 0);
}

/** The most a cell can be, from what is published: a published count, the threshold for a small one, unknown if hidden. */
function mostOf(shown: Shown, threshold: number): number {
  return shown.kind === 'count' ? shown.value : shown.kind === 'small' ? threshold : Infinity;
}

/**
 * Who took part, by each group the council counts residents by: this period
 * against the previous one and against the council's population profile,
 * with small numbers never published (see suppress.ts).
 */
export function whoTookPart(input: WhoTookPartInput): WhoTookPartView {
  const { dataset, refs, quarters, previousQuarters, noun, hasPrevious, section, from } = input;
  const threshold = dataset.council.privacy.smallNumber;
  const dimensions = dataset.council.reach?.dimensions ?? [];
  const nowLabel = noun === 'quarter' ? 'This quarter' : 'This half-year';
  const beforeLabel = noun === 'quarter' ? 'Last quarter' : 'Previous half-year';
  const last = noun === 'quarter' ? 'last quarter' : 'the previous half-year';
  const base = { nowLabel, beforeLabel, hasPrevious, tables: [] as WhoTookPartTable[], after: [] as Paragraph[] };
  const recordedNow = anyRecorded(refs, quarters);
  if (dimensions.length === 0 || (!recordedNow && !(hasPrevious && anyRecorded(refs, previousQuarters)))) {
    const text =
      dimensions.length === 0
        ? `Who took part by group was not recorded: the council's data does not count the residents involved by group (for example by impairment, age or how they took part), so this paper cannot say which groups of Disabled residents were reached and which were not.`
        : `Who took part by group was not recorded for any activity this ${noun}${hasPrevious ? ` or ${last}` : ''}, so this paper cannot say which groups of Disabled residents were reached and which were not.`;
    return { ...base, intro: { number: `${section}.${from}`, text }, next: from + 1 };
  }

  const tables: WhoTookPartTable[] = [];
  const absent: string[] = [];
  const under: string[] = [];
  let anyHidden = false;
  dimensions.forEach((dimension, k) => {
    const names = [
      ...dimension.categories.map((c) => c.name),
      BUILT_IN_NAMES['prefer-not-to-say'],
      BUILT_IN_NAMES['not-recorded'],
    ];
    const now = reachColumn(dimension, refs, quarters);
    const before = reachColumn(dimension, refs, previousQuarters);
    const shownNow = suppressColumn(now, threshold);
    const shownBefore = suppressColumn(before, threshold);
    anyHidden ||= [...shownNow, ...(hasPrevious ? shownBefore : [])].some((s) => s.kind !== 'count');
    const totalNow = now.reduce((a, b) => a + b, 0);
    const totalBefore = before.reduce((a, b) => a + b, 0);
    const placedNow = placedOf(now, shownNow);
    const placedBefore = placedOf(before, shownBefore);
    const hasPopulation = dimension.categories.some((c) => c.population !== undefined);
    const rows: WhoTookPartRow[] = [];
    const none: string[] = [];
    names.forEach((group, i) => {
      const population = dimension.categories[i]?.population;
      const zero = (s: Shown) => s.kind === 'count' && s.value === 0;
      if (zero(shownNow[i]!) && (!hasPrevious || zero(shownBefore[i]!))) {
        if (i < dimension.categories.length) none.push(group);
        return;
      }
      const mine = i < dimension.categories.length;
      rows.push({
        group,
        now: cellText(shownNow[i]!, mine ? placedNow : undefined, threshold),
        before: cellText(shownBefore[i]!, mine ? placedBefore : undefined, threshold),
        population: population === undefined ? '' : `${population}%`,
      });
    });
    if (none.length > 0) absent.push(`${dimension.name}: ${listInWords(none)}`);
    // Under-reached: among residents whose group was recorded, the group's share is below three quarters of its
    // share of Disabled residents, even at the most its published figures allow (so the words reveal nothing the table does not).
    const n = dimension.categories.length;
    const unplaced = mostOf(shownNow[n]!, threshold) + mostOf(shownNow[n + 1]!, threshold);
    const recorded = totalNow - unplaced;
    if (recorded > 0) {
      dimension.categories.forEach((c, i) => {
        const share = (mostOf(shownNow[i]!, threshold) / recorded) * 100;
        if (c.population === undefined || !(share < c.population * 0.75)) return;
        const exact =
          shownNow[i]!.kind === 'count' && shownNow[n]!.kind === 'count' && shownNow[n + 1]!.kind === 'count';
        under.push(
          `${c.name}: ${exact ? '' : 'at most '}${Math.round(share)}% of those recorded, against ${c.population}% of Disabled residents.`,
        );
      });
    }
    const source = dimension.populationSource ? ` (${dimension.populationSource})` : '';
    tables.push({
      number: `${section}.${from + 1 + k}`,
      caption: `${dimension.name}: the residents involved this ${noun}${hasPrevious ? ` and ${last}` : ''}, with each group's share of those whose group was recorded.${hasPopulation ? ` The last column is the group's share of the ${input.area}'s Disabled residents${source}.` : ''}`,
      dimension: dimension.name,
      hasPopulation,
      rows,
      total: {
        group: 'All residents involved',
        now: totalNow.toLocaleString('en-GB'),
        before: totalBefore.toLocaleString('en-GB'),
        population: '',
      },
    });
  });

  const intro = `Who took part this ${noun}, by each group the council counts residents by${hasPrevious ? `, against ${last}` : ''}. A resident involved in several activities is counted in each; "Not recorded" counts residents whose updates did not say.${
    anyHidden
      ? ` To protect residents, a count from 1 to ${threshold} is shown as "${fewerThan(threshold)}", and where such a count could be worked out from the total, another count is "not shown" too.`
      : ''
  }`;
  let next = from + 1 + tables.length;
  const after: Paragraph[] = [];
  if (!recordedNow)
    after.push({
      number: `${section}.${next++}`,
      text: `No update this ${noun} counted who took part by group, so every resident involved is "Not recorded".`,
    });
  if (absent.length > 0)
    after.push({
      number: `${section}.${next++}`,
      text: `No one was recorded this ${noun}${hasPrevious ? ` or ${last}` : ''} from these groups, which the tables leave out. ${absent.join('. ')}.`,
    });
  if (under.length > 0) {
    after.push({
      number: `${section}.${next++}`,
      text: `Under-reached this ${noun}, compared with the ${input.area}'s Disabled residents. ${under.join(' ')}`,
    });
  }
  return { ...base, intro: { number: `${section}.${from}`, text: intro }, tables, after, next };
}
