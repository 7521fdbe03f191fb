import type { Committee } from '../schema/council.js';
import { plansAsOf } from '../schema/history.js';
import { gapNumbers, silentDepartments, type AskAnswer } from './asks.js';
import { activeIn } from './figures.js';
import { openPlans, quarterWords } from './follow-up.js';
import { activitiesOf, type Lookup } from './lookup.js';
import type { Coverage } from './summary-coverage.js';
import { itemNumbers, shortCommitteeName, type Terms } from './terms.js';
import { FOLLOW_UP_WORDS, listInWords, plural } from './words.js';

/** A plan still open at the end of a half, with the committee that hears of it. */
export interface OpenCommitment {
  activityId: string;
  committee: string;
  department: string;
  activity: string;
  plan: string;
  dueIn: string;
  /** "April to June 2023". */
  since: string;
}

/** What a biannual summary asks of the board, kept as data so that the next summary can answer it. */
export interface BoardAsks {
  unserved: { number: number; title: string }[];
  gaps: { id: string; committee: string; numbers: number[] }[];
  returns: { departmentId: string; department: string; quarterIds: string[]; quarters: string[] }[];
  open: OpenCommitment[];
}

/** Every plan due by the end of the half (`lastQuarter`) that no update has answered, by committee. */
export function openCommitments(
  lookup: Lookup,
  committees: readonly Committee[],
  lastQuarter: string,
  terms: Terms,
): OpenCommitment[] {
  return committees.flatMap((c) =>
    openPlans(activitiesOf(lookup, c.departments), lastQuarter).map((p) => ({
      ...p,
      committee: shortCommitteeName(c.name, terms),
      since: quarterWords(p.dueIn, lookup.startMonth),
    })),
  );
}

/** The asks of a summary, from its coverage, missing returns and open commitments. */
export function boardAsks(coverage: Coverage, returns: BoardAsks['returns'], open: OpenCommitment[]): BoardAsks {
  return {
    unserved: coverage.unserved,
    gaps: [
      ...coverage.committeeGaps.map((g) => ({ id: g.id, committee: g.committee, numbers: g.numbers })),
      ...coverage.idle.map((i) => ({ id: i.id, committee: i.committee, numbers: coverage.numbers })),
    ],
    returns,
    open,
  };
}

/** The asks as numbered recommendations to the board, after the one to note the report. */
export function boardAskTexts(
  asks: BoardAsks,
  terms: Terms,
  halfWords: string,
  sections: { coverage: number; open: number },
): string[] {
  const out: string[] = [];
  if (asks.unserved.length > 0) {
    out.push(
      `That the ${terms.board} asks officers to report to its next meeting on how ${itemNumbers(
        terms,
        asks.unserved.map((u) => `${u.number} (${u.title})`),
      )} will be taken forward. No department reported activity on ${asks.unserved.length === 1 ? 'it' : 'them'} in ${halfWords}.`,
    );
  }
  if (asks.gaps.length > 0) {
    out.push(
      `That the ${terms.board} asks the ${asks.gaps.length === 1 ? terms.committeeType : terms.committeeTypePlural} in the table of gaps (section ${sections.coverage}) to consider ${asks.gaps.length === 1 ? 'its' : 'their'} gaps. The question is how the services ${asks.gaps.length === 1 ? 'it oversees' : 'they oversee'} could help with the ${terms.items} that had no activity in ${halfWords}.`,
    );
  }
  if (asks.returns.length > 0) {
    out.push(
      `That the ${terms.board} asks the ${terms.committeeTypePlural} concerned to make sure every department reports each quarter. No return was received from ${listInWords(asks.returns.map((r) => `${r.department} (${listInWords(r.quarters)})`))}.`,
    );
  }
  if (asks.open.length > 0) {
    out.push(
      `That the ${terms.board} asks the ${terms.committeeTypePlural} concerned to seek answers on ${asks.open.length === 1 ? 'the plan' : `the ${asks.open.length} plans`} still open, listed in section ${sections.open}.`,
    );
  }
  return out;
}

/** The answers, from the data up to the end of this half (`quarters`), to the asks of the last summary. */
export function answerBoardAsks(
  asks: BoardAsks,
  lookup: Lookup,
  committees: readonly Committee[],
  quarters: readonly string[],
  terms: Terms,
  halfWords: string,
): AskAnswer[] {
  const rows: AskAnswer[] = [];
  const lastQuarter = quarters.at(-1)!;
  const active = activeIn(lookup.activities, quarters);
  for (const u of asks.unserved) {
    const n = active.filter((r) => r.serves.includes(u.number)).length;
    rows.push({
      asked: `A report on how ${terms.item} ${u.number} (${u.title}) will be taken forward`,
      answer:
        n > 0
          ? `${plural(n, 'activity', 'activities')} served it in ${halfWords}.`
          : `No answer received: still no activity on it in ${halfWords}.`,
    });
  }
  for (const g of asks.gaps) {
    const committee = committees.find((c) => c.id === g.id);
    const now = committee
      ? new Set(gapNumbers(lookup, activitiesOf(lookup, committee.departments), quarters))
      : new Set(g.numbers);
    const filled = g.numbers.filter((n) => !now.has(n));
    const still = g.numbers.filter((n) => now.has(n));
    rows.push({
      asked: `The ${g.committee} to consider ${itemNumbers(terms, g.numbers)}`,
      answer:
        filled.length === 0
          ? `No answer received: still no activity on ${still.length === 1 ? 'it' : 'them'} in ${halfWords}.`
          : `Activity on ${itemNumbers(terms, filled)} in ${halfWords}${still.length > 0 ? `; still none on ${listInWords(still.map(String))}` : ''}.`,
    });
  }
  for (const r of asks.returns) {
    const missing = quarters.filter((q) => silentDepartments(lookup, [r.departmentId], q).length > 0);
    rows.push({
      asked: `Returns every quarter from ${r.department}`,
      answer:
        missing.length === 0
          ? `${r.department} sent a return for both quarters of ${halfWords}.`
          : `No answer received: no return from ${r.department} for ${listInWords(missing.map((q) => quarterWords(q, lookup.startMonth)))}.`,
    });
  }
  for (const p of asks.open) {
    const ref = lookup.activities.find((a) => a.activity.id === p.activityId);
    const plan = ref
      ? plansAsOf(ref.activity, lastQuarter).find((x) => x.dueIn === p.dueIn && x.text === p.plan)
      : undefined;
    rows.push({
      asked: `An answer on the plan for ${p.activity}, open since ${p.since}`,
      answer:
        plan?.closedIn !== undefined
          ? `${FOLLOW_UP_WORDS[plan.result!]}, reported in the update for ${quarterWords(plan.closedIn, lookup.startMonth)}.`
          : 'No answer received: the plan is still open.',
    });
  }
  return rows;
}
