import { ukDate } from '../periods/periods.js';
import type { Committee } from '../schema/council.js';
import type { Dataset } from '../validate/dataset.js';
import type { PeriodView } from './common.js';
import { activeIn, figuresFor, type Figures } from './figures.js';
import { activitiesOf, updateFor, type ActivityRef, type Lookup } from './lookup.js';
import type { ReachView } from './reach.js';
import { departmentsWithoutReturn } from './reach.js';
import { shortCommitteeName } from './words.js';
import { changeWords, formatMoney, listInWords, plural } from './words.js';

/** A row of the "this half-year against the previous" table; every value as printed. */
export interface ComparisonRow {
  label: string;
  current: string;
  previous: string;
  change: string;
}

/** The figures for the half-year against the previous one, with the change in words. */
export function comparisonRows(lookup: Lookup, f: Figures, p: Figures, reach: ReachView, quarters: readonly string[], previousQuarters: readonly string[]): ComparisonRow[] {
  const count = (label: string, a: number, b: number): ComparisonRow => ({ label, current: a.toLocaleString('en-GB'), previous: b.toLocaleString('en-GB'), change: changeWords(a, b) });
  const money = (label: string, a: number, b: number): ComparisonRow => ({ label, current: formatMoney(a), previous: formatMoney(b), change: changeWords(a, b, formatMoney) });
  const sharedBefore = reach.levels.slice(0, 2).reduce((n, l) => n + l.previous, 0);
  const ids = lookup.dataset.council.departments.map((d) => d.id);
  const reporting = (qs: readonly string[]) => ids.length - new Set(qs.flatMap((q) => departmentsWithoutReturn(lookup, ids, q).map((d) => d.id))).size;
  return [
    count('Activities reporting progress', f.activities, p.activities),
    count('Co-production groups active', f.groups, p.groups),
    count('Activities at co-design or co-production level', reach.sharedDecisions, sharedBefore),
    count('Resident involvements (a resident is counted in each activity and quarter)', f.residents, p.residents),
    count('Resident co-chair involvements', f.coChairs, p.coChairs),
    count('Changes made because of what residents said', f.outcomes, p.outcomes),
    count(`Departments with a return in both quarters (of ${ids.length})`, reporting(quarters), reporting(previousQuarters)),
    money('Access costs met', f.accessCosts, p.accessCosts),
    money('Participation fees paid to residents', f.participationFees, p.participationFees),
    money('Other spend', f.spend, p.spend),
    money('Total spend', f.total, p.total),
  ];
}

/** One committee's highlights: its figures and its most recent "you said, we did" changes. */
export interface HighlightView {
  number: string;
  committee: string;
  text: string;
  outcomes: { number: string; activity: string; youSaid: string; weDid: string }[];
  /** How many more changes Appendix 2 lists, in words; undefined when none. */
  more: string | undefined;
}

/** At most this many changes are quoted per committee; Appendix 2 lists them all. */
const HIGHLIGHTS_PER_COMMITTEE = 3;

/** Each committee's figures for the half and its latest changes made because of what residents said. */
export function committeeHighlights(lookup: Lookup, committees: readonly Committee[], quarters: readonly string[], previousQuarters: readonly string[], section: number): HighlightView[] {
  return committees.map((c, i) => {
    const number = `${section}.${i + 1}`;
    const refs = activitiesOf(lookup, c.departments);
    const f = figuresFor(refs, quarters);
    const p = figuresFor(refs, previousQuarters);
    const departments = c.departments.map((id) => lookup.departments.get(id)?.name ?? id);
    const text =
      f.activities === 0
        ? `${listInWords(departments)} reported no co-production activity this half-year (previous half-year: ${plural(p.activities, 'activity', 'activities')}).`
        : `${listInWords(departments)}: ${plural(f.activities, 'activity', 'activities')} reported progress (previous half-year: ${p.activities}), residents were involved ${plural(f.residents, 'time')}, and ${plural(f.outcomes, 'change')} ${f.outcomes === 1 ? 'was' : 'were'} made because of what residents said.`;
    // Most recent quarter first: the Board hears the latest news.
    const all = [...quarters].reverse().flatMap((q) => activeIn(refs, [q]).flatMap((r) => updateFor(r.activity, q)!.outcomes.map((o) => ({ activity: r.activity.title, ...o }))));
    const shown = all.slice(0, HIGHLIGHTS_PER_COMMITTEE).map((o, j) => ({ number: `${number}.${j + 1}`, ...o }));
    const rest = all.length - shown.length;
    return { number, committee: shortCommitteeName(c.name), text, outcomes: shown, more: rest > 0 ? `${plural(rest, 'further change')} ${rest === 1 ? 'is' : 'are'} listed in Appendix 2.` : undefined };
  });
}

/** A "you said, we did" change of the half-year, for Appendix 2. */
export interface OutcomeRow {
  committee: string;
  quarter: string;
  activity: string;
  youSaid: string;
  weDid: string;
}

/** Every change made because of what residents said in the half, by committee, then quarter. */
export function halfOutcomes(lookup: Lookup, committees: readonly Committee[], quarters: readonly PeriodView[]): OutcomeRow[] {
  return committees.flatMap((c) =>
    quarters.flatMap((q) =>
      activeIn(activitiesOf(lookup, c.departments), [q.id]).flatMap((r) =>
        updateFor(r.activity, q.id)!.outcomes.map((o) => ({ committee: shortCommitteeName(c.name), quarter: q.words, activity: r.activity.title, ...o })),
      ),
    ),
  );
}

/** Barriers reported in the half, by quarter, numbered `section.n`. */
export function halfBarriers(lookup: Lookup, committees: readonly Committee[], active: readonly ActivityRef[], quarters: readonly PeriodView[], section: number) {
  const committeeOf = (ref: ActivityRef) => shortCommitteeName(committees.find((c) => c.departments.includes(ref.department.id))?.name ?? ref.department.name);
  return quarters
    .flatMap((q) => active.flatMap((r) => (updateFor(r.activity, q.id)?.barriers ?? []).map((b) => ({ activity: r.activity.title, committee: committeeOf(r), quarter: q.words, ...b }))))
    .map((b, i) => ({ number: `${section}.${i + 1}`, ...b }));
}

/** The council's own papers, then each quarterly update the summary draws on. */
export function summaryBackgroundPapers(dataset: Dataset, quarters: readonly PeriodView[]): string[] {
  const updates = quarters.flatMap((q) =>
    dataset.council.committees.map((c) => {
      const date = c.meetings?.[q.id];
      return `Co-production quarterly update: ${q.words}, to the ${c.name} (${date ? `meeting of ${ukDate(date)}` : 'meeting date not recorded'})`;
    }),
  );
  return [...dataset.council.backgroundPapers, ...updates];
}

/** The "Looking ahead" paragraphs. */
export function summaryLookingAhead(t: { planned: number; next: PeriodView; nextHalf: PeriodView; nextMeeting: string | undefined; gaps: number; boardName: string }): string[] {
  const out = [
    t.planned === 0
      ? `No co-production work has yet been planned for ${t.next.words}.`
      : `Departments plan ${t.planned === 1 ? 'one piece' : `${t.planned} pieces`} of co-production work for ${t.next.words}, which the PACs will hear about in their next quarterly updates.`,
  ];
  if (t.gaps > 0) out.push(`The PACs asked to act on gaps in coverage will be able to report what they have done in their next quarterly updates.`);
  out.push(`The next summary, for ${t.nextHalf.words}, will come to the ${t.boardName}${t.nextMeeting ? ` on ${ukDate(t.nextMeeting)}` : ' at a date to be confirmed'}.`);
  return out;
}
