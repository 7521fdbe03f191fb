import { formatQuarter, type Quarter } from '../periods/periods.js';
import { plansAsOf } from '../schema/history.js';
import { activeIn } from './figures.js';
import { followUpRows, quarterWords } from './follow-up.js';
import { updateFor, type ActivityRef, type Lookup } from './lookup.js';
import type { Terms } from './terms.js';
import { itemNumbers } from './terms.js';
import { FOLLOW_UP_WORDS, listInWords, plural } from './words.js';

/**
 * What a paper asks its committee or board to do, kept as data so that the
 * next paper can answer each ask from the data: a plan followed up, a gap
 * filled, a missing return received.
 */
export type Ask =
  | { kind: 'plans'; quarter: string; plans: { activityId: string; activity: string; plan: string; dueIn: string }[] }
  | { kind: 'gaps'; quarter: string; numbers: number[] }
  | { kind: 'returns'; quarter: string; departments: { id: string; name: string }[] };

/** An ask of the last paper, and the answer the data gives now. */
export interface AskAnswer {
  asked: string;
  answer: string;
}

/** Departments (in the order given) with no activity update in `quarter`: no return was made. */
export function silentDepartments(
  lookup: Lookup,
  departmentIds: readonly string[],
  quarter: string,
): { id: string; name: string }[] {
  return departmentIds
    .filter(
      (id) => !lookup.activities.some((r) => r.department.id === id && updateFor(r.activity, quarter) !== undefined),
    )
    .map((id) => lookup.departments.get(id))
    .filter((d) => d !== undefined)
    .map((d) => ({ id: d.id, name: d.name }));
}

/** The framework items no activity of `refs` served in `quarters`. */
export function gapNumbers(lookup: Lookup, refs: readonly ActivityRef[], quarters: readonly string[]): number[] {
  const active = activeIn(refs, quarters);
  return lookup.recommendations
    .filter((rec) => !active.some((r) => r.serves.includes(rec.number)))
    .map((rec) => rec.number);
}

/** What a committee's quarterly update asks of it, beyond noting the report. */
export function quarterlyAsks(
  lookup: Lookup,
  refs: readonly ActivityRef[],
  departmentIds: readonly string[],
  quarter: Quarter,
): Ask[] {
  const q = formatQuarter(quarter);
  const asks: Ask[] = [];
  const unanswered = followUpRows(refs, quarter, lookup.startMonth).filter(
    (r) => r.result === 'not-followed-up' || r.result === 'not-stated',
  );
  if (unanswered.length > 0) {
    asks.push({
      kind: 'plans',
      quarter: q,
      plans: unanswered.map((r) => ({ activityId: r.activityId, activity: r.activity, plan: r.plan, dueIn: r.dueIn })),
    });
  }
  const gaps = gapNumbers(lookup, refs, [q]);
  // A quarter with no activity at all is a missing return, not a gap to fill.
  if (gaps.length > 0 && gaps.length < lookup.recommendations.length)
    asks.push({ kind: 'gaps', quarter: q, numbers: gaps });
  const silent = silentDepartments(lookup, departmentIds, q);
  if (silent.length > 0) asks.push({ kind: 'returns', quarter: q, departments: silent });
  return asks;
}

/** An ask as a numbered recommendation to the committee. */
export function askText(ask: Ask, terms: Terms, startMonth: number): string {
  const when = quarterWords(ask.quarter, startMonth);
  switch (ask.kind) {
    case 'plans':
      return `That the ${terms.committee} asks for an update at its next meeting on ${ask.plans.length === 1 ? 'the plan whose outcome no update has yet reported' : `the ${ask.plans.length} plans whose outcome no update has yet reported`}: ${listInWords(ask.plans.map((p) => p.activity))}.`;
    case 'gaps':
      return `That the ${terms.committee} considers how the services it oversees could help with ${itemNumbers(terms, ask.numbers)}. ${ask.numbers.length === 1 ? 'It' : 'They'} had no activity in ${when}.`;
    case 'returns':
      return `That the ${terms.committee} asks ${listInWords(ask.departments.map((d) => d.name))} to report ${ask.departments.length === 1 ? 'its' : 'their'} co-production activity for ${when} in the next update.`;
  }
}

/**
 * The answers, from the data up to `quarter`, to the asks of the paper for
 * an earlier quarter: one row for each plan, gap list and missing return.
 */
export function answerAsks(
  asks: readonly Ask[],
  lookup: Lookup,
  refs: readonly ActivityRef[],
  quarter: string,
  terms: Terms,
  seeSection?: number,
): AskAnswer[] {
  const words = (id: string) => quarterWords(id, lookup.startMonth);
  const rows: AskAnswer[] = [];
  for (const ask of asks) {
    if (ask.kind === 'plans') {
      const answers = ask.plans.map((p) => {
        const ref = refs.find((r) => r.activity.id === p.activityId);
        const plan = ref
          ? plansAsOf(ref.activity, quarter).find((x) => x.dueIn === p.dueIn && x.text === p.plan)
          : undefined;
        return plan?.closedIn !== undefined
          ? `${p.activity}: ${FOLLOW_UP_WORDS[plan.result!].toLowerCase()} (${plan.closedIn === quarter ? 'this update' : `update for ${words(plan.closedIn)}`})`
          : `${p.activity}: no answer received`;
      });
      rows.push({
        asked: `An update on ${ask.plans.length === 1 ? 'the plan' : `the ${ask.plans.length} plans`} no update had answered, for ${listInWords([...new Set(ask.plans.map((p) => p.activity))])}`,
        answer: `${answers.join('; ')}.${seeSection ? ` Section ${seeSection} gives the details.` : ''}`,
      });
    } else if (ask.kind === 'gaps') {
      const now = new Set(gapNumbers(lookup, refs, [quarter]));
      const filled = ask.numbers.filter((n) => !now.has(n));
      const still = ask.numbers.filter((n) => now.has(n));
      const served = filled.map(
        (n) =>
          `${itemNumbers(terms, [n])} had ${plural(activeIn(refs, [quarter]).filter((r) => r.serves.includes(n)).length, 'activity', 'activities')}`,
      );
      rows.push({
        asked: `How the services the ${terms.committee} oversees could contribute to ${itemNumbers(terms, ask.numbers)}`,
        answer:
          filled.length === 0
            ? `No answer received: ${itemNumbers(terms, still)} still had no activity in ${words(quarter)}.`
            : `In ${words(quarter)}, ${listInWords(served)}${still.length > 0 ? `; ${itemNumbers(terms, still)} still had none` : ''}.`,
      });
    } else {
      for (const d of ask.departments) {
        const now = refs.some((r) => r.department.id === d.id && updateFor(r.activity, quarter) !== undefined);
        rows.push({
          asked: `${d.name} to report its co-production activity for ${words(ask.quarter)}`,
          answer: now
            ? `${d.name} reported for ${words(quarter)}; this update covers that quarter only.`
            : `No answer received: ${d.name} sent no return for ${words(quarter)} either.`,
        });
      }
    }
  }
  return rows;
}

/** True when any update or assessment in the data is for `quarter`: a paper could have been written for it. */
export function dataCovers(lookup: Lookup, quarter: string): boolean {
  return (
    lookup.activities.some((r) => updateFor(r.activity, quarter) !== undefined) ||
    lookup.assessments.some((a) => a.quarter === quarter)
  );
}
