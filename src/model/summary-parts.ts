import { ukDate } from '../periods/periods.js';
import type { Committee } from '../schema/council.js';
import type { Dataset } from '../validate/dataset.js';
import type { PeriodView } from './common.js';
import { activeIn, figuresFor, type Figures } from './figures.js';
import { activitiesOf, updateFor, type ActivityRef, type Lookup } from './lookup.js';
import type { ReachView } from './reach.js';
import { silentDepartments } from './asks.js';
import { capitalise, shortCommitteeName, type Terms } from './terms.js';
import { changeWords, formatMoney, leadingCount, listInWords, plural } from './words.js';

/** A row of the "this half-year against the previous" table; every value as printed. */
export interface ComparisonRow {
  label: string;
  current: string;
  previous: string;
  change: string;
}

/** The figures for the half-year against the previous one, with the change in words. */
export function comparisonRows(
  lookup: Lookup,
  f: Figures,
  p: Figures,
  reach: ReachView,
  quarters: readonly string[],
  previousQuarters: readonly string[],
): ComparisonRow[] {
  const count = (label: string, a: number, b: number): ComparisonRow => ({
    label,
    current: a.toLocaleString('en-GB'),
    previous: b.toLocaleString('en-GB'),
    change: changeWords(a, b),
  });
  const money = (label: string, a: number, b: number): ComparisonRow => ({
    label,
    current: formatMoney(a),
    previous: formatMoney(b),
    change: changeWords(a, b, formatMoney),
  });
  const sharedBefore = reach.sharedDecisionsBefore;
  const ids = lookup.dataset.council.departments.map((d) => d.id);
  const reporting = (qs: readonly string[]) =>
    ids.length - new Set(qs.flatMap((q) => silentDepartments(lookup, ids, q).map((d) => d.id))).size;
  return [
    count('Activities reporting progress', f.activities, p.activities),
    count('Co-production groups active', f.groups, p.groups),
    count('Activities at co-design or co-production level', reach.sharedDecisions, sharedBefore),
    count('Resident involvements', f.residents, p.residents),
    count('Resident co-chair involvements', f.coChairs, p.coChairs),
    count('Changes made because of what residents said', f.outcomes, p.outcomes),
    count(
      `Departments with a return in both quarters (of ${ids.length})`,
      reporting(quarters),
      reporting(previousQuarters),
    ),
    // Section "Resourcing" breaks the total down by committee and kind of cost.
    money('Total spend', f.total, p.total),
  ];
}

/** One committee's highlights: its figures and its most recent "you said, we did" changes. */
export interface HighlightView {
  number: string;
  committee: string;
  text: string;
  outcomes: { number: string; activity: string; youSaid: string; weDid: string }[];
}

/** At most this many changes are quoted per committee; its quarterly updates list them all. */
const HIGHLIGHTS_PER_COMMITTEE = 1;

/** Each committee's figures for the half and its latest changes made because of what residents said. */
export function committeeHighlights(
  lookup: Lookup,
  committees: readonly Committee[],
  quarters: readonly string[],
  previousQuarters: readonly string[],
  section: number,
  terms: Terms,
  hasPrevious: boolean,
): HighlightView[] {
  return committees.map((c, i) => {
    const number = `${section}.${i + 1}`;
    const refs = activitiesOf(lookup, c.departments);
    const f = figuresFor(refs, quarters);
    const p = figuresFor(refs, previousQuarters);
    const departments = c.departments.map((id) => lookup.departments.get(id)?.name ?? id);
    const before = hasPrevious ? ` (previous half-year: ${p.activities})` : '';
    const quoted = Math.min(f.outcomes, HIGHLIGHTS_PER_COMMITTEE);
    const rest = f.outcomes - quoted;
    const changes =
      f.outcomes === 0
        ? 'no change was recorded as made because of what residents said'
        : `${plural(f.outcomes, 'change')} ${f.outcomes === 1 ? 'was' : 'were'} made because of what residents said${rest > 0 ? `. ${quoted === 1 ? 'One is' : `${quoted} are`} quoted here, and the ${terms.committee}'s quarterly updates set out the rest` : ''}`;
    const text =
      f.activities === 0
        ? `${listInWords(departments)} reported no co-production activity this half-year${before}.`
        : `${listInWords(departments)}: ${plural(f.activities, 'activity', 'activities')} reported progress${before}, with ${plural(f.residents, 'resident involvement')}. ${capitalise(changes)}.`;
    // Most recent quarter first: the Board hears the latest news.
    const all = [...quarters]
      .reverse()
      .flatMap((q) =>
        activeIn(refs, [q]).flatMap((r) =>
          updateFor(r.activity, q)!.outcomes.map((o) => ({ activity: r.activity.title, ...o })),
        ),
      );
    const shown = all.slice(0, HIGHLIGHTS_PER_COMMITTEE).map((o, j) => ({ number: `${number}.${j + 1}`, ...o }));
    return { number, committee: shortCommitteeName(c.name, terms), text, outcomes: shown };
  });
}

/**
 * The barriers of the half's last quarter, numbered `section.n`, for the
 * board: those still current. The earlier quarter's are counted, and its
 * updates set them out.
 */
export function halfBarriers(
  committees: readonly Committee[],
  active: readonly ActivityRef[],
  quarters: readonly PeriodView[],
  section: number,
  terms: Terms,
): {
  rows: { number: string; activity: string; committee: string; barrier: string; response: string }[];
  earlier: string | undefined;
} {
  const committeeOf = (ref: ActivityRef) =>
    shortCommitteeName(
      committees.find((c) => c.departments.includes(ref.department.id))?.name ?? ref.department.name,
      terms,
    );
  const of = (q: PeriodView) =>
    active.flatMap((r) =>
      (updateFor(r.activity, q.id)?.barriers ?? []).map((b) => ({
        activity: r.activity.title,
        committee: committeeOf(r),
        ...b,
      })),
    );
  const [first, last] = [quarters[0]!, quarters[quarters.length - 1]!];
  const earlier = of(first).length;
  return {
    rows: of(last).map((b, i) => ({ number: `${section}.${i + 1}`, ...b })),
    earlier:
      earlier > 0
        ? `${leadingCount(earlier, 'barrier was', 'barriers were')} reported for ${first.words}; the quarterly updates for that quarter set ${earlier === 1 ? 'it' : 'them'} out.`
        : undefined,
  };
}

/** The council's own papers, then each quarterly update the summary draws on. */
export function summaryBackgroundPapers(dataset: Dataset, quarters: readonly PeriodView[], terms: Terms): string[] {
  // One line a committee: its two updates, with the meetings that considered them.
  const updates = dataset.council.committees.map((c) => {
    const meetings = quarters.map((q) => {
      const date = c.meetings?.[q.id];
      return `${q.words} (${date ? `meeting of ${ukDate(date)}` : 'meeting date not recorded'})`;
    });
    return `Co-production quarterly updates to the ${shortCommitteeName(c.name, terms)}: ${listInWords(meetings)}`;
  });
  return [...dataset.council.backgroundPapers, ...updates];
}

/** The "Looking ahead" paragraphs: only what the data backs. */
export function summaryLookingAhead(t: {
  planned: number;
  next: PeriodView;
  nextHalf: PeriodView;
  nextMeeting: string | undefined;
  boardName: string;
  terms: Terms;
}): string[] {
  const out = [
    t.planned === 0
      ? `No co-production work has yet been planned for ${t.next.words}.`
      : `Departments plan ${plural(t.planned, 'piece', 'pieces')} of co-production work for ${t.next.words}. The ${t.terms.committeeTypePlural} will hear how ${t.planned === 1 ? 'it' : 'they'} went in their next quarterly updates.`,
  ];
  out.push(
    `The next summary, for ${t.nextHalf.words}, will come to the ${t.boardName}${t.nextMeeting ? ` on ${ukDate(t.nextMeeting)}` : ' at a date to be confirmed'}.`,
  );
  return out;
}
