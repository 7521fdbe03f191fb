import { formatQuarter, nextQuarter, parseQuarter, quarterRange, ukDate, type Quarter } from '../periods/periods.js';
import { plansAsOf, stateAt, type PlanRecord } from '../schema/history.js';
import { updateFor, type ActivityRef } from './lookup.js';
import { FOLLOW_UP_WORDS } from './words.js';

/** How a plan stood at the end of a quarter. */
export type PlanResult = NonNullable<PlanRecord['result']> | 'not-followed-up' | 'not-stated';

/** One line of "what we said, and what happened". */
export interface FollowUpRow {
  activityId: string;
  activity: string;
  department: string;
  /** What an earlier update said would happen. */
  plan: string;
  /** The quarter the plan was for (`2023/24-Q1`). */
  dueIn: string;
  result: PlanResult;
  /** The result in words: Done, In progress, Carried over, Dropped, No update received, Not stated. */
  resultWords: string;
  reason: string;
}

/** A plan that is still open at the end of a quarter: no update has said how it went. */
export function isOpen(plan: PlanRecord): boolean {
  return plan.closedIn === undefined;
}

/**
 * The plans of `refs` that were due by `quarter` and open when it began:
 * those answered in the quarter (on time or late) and those still open at
 * its end, each with how it stood then. Only updates up to `quarter` count.
 */
export function followUpRows(refs: readonly ActivityRef[], quarter: Quarter, startMonth: number): FollowUpRow[] {
  const q = formatQuarter(quarter);
  const words = (id: string) => quarterWords(id, startMonth);
  const rows: FollowUpRow[] = [];
  for (const ref of refs) {
    for (const plan of plansAsOf(ref.activity, q)) {
      if (plan.dueIn > q || (plan.closedIn !== undefined && plan.closedIn < q)) continue;
      const late = plan.dueIn < q;
      let result: PlanResult;
      let reason: string;
      if (plan.closedIn !== undefined) {
        result = plan.result!;
        const given = plan.reason ?? (result === 'done' ? 'Completed as planned.' : 'No reason given.');
        reason = late ? `Reported late, in ${words(q)}. ${given}` : given;
      } else if (updateFor(ref.activity, q)) {
        result = 'not-stated';
        reason = `An update was received for ${words(q)} but it does not say how the plan went.`;
      } else {
        result = 'not-followed-up';
        reason = late
          ? `Open since ${words(plan.dueIn)}: no update has said how it went.`
          : `No update was received for ${words(q)}.`;
      }
      rows.push({
        activityId: ref.activity.id,
        activity: ref.activity.title,
        department: ref.department.name,
        plan: plan.text,
        dueIn: plan.dueIn,
        result,
        resultWords: FOLLOW_UP_WORDS[result],
        reason,
      });
    }
  }
  return rows;
}

/** "April to June 2023" for `2023/24-Q1`. */
export function quarterWords(id: string, startMonth: number): string {
  const quarter = parseQuarter(id);
  return quarter ? quarterRange(quarter, startMonth).words : id;
}

/** A plan still open at the end of a period, for the Board. */
export interface OpenPlan {
  activityId: string;
  activity: string;
  department: string;
  plan: string;
  dueIn: string;
}

/** Plans of `refs` due by `quarter` that no update up to its end has answered. */
export function openPlans(refs: readonly ActivityRef[], quarter: string): OpenPlan[] {
  return refs.flatMap((ref) =>
    plansAsOf(ref.activity, quarter)
      .filter((p) => isOpen(p) && p.dueIn <= quarter)
      .map((p) => ({
        activityId: ref.activity.id,
        activity: ref.activity.title,
        department: ref.department.name,
        plan: p.text,
        dueIn: p.dueIn,
      })),
  );
}

/** Activity planned for the next quarter. */
export interface PlannedView {
  /** Paragraph number, set by the document that prints it. */
  number: string;
  activity: string;
  group: string | undefined;
  department: string;
  plan: string;
  /** For an activity that has not started yet, when it starts (or was due to), in words; else undefined. */
  starting: string | undefined;
}

/** Work planned for the quarter after `quarter`: each live activity's stated next step, and planned activities due to start by then. */
export function plannedNext(refs: readonly ActivityRef[], quarter: Quarter, startMonth: number): PlannedView[] {
  const q = formatQuarter(quarter);
  const next = quarterRange(nextQuarter(quarter), startMonth);
  const out: PlannedView[] = [];
  for (const ref of refs) {
    const a = ref.activity;
    const current = updateFor(a, q);
    const { status } = stateAt(a, q);
    const base = { number: '', activity: a.title, group: ref.group?.name, department: ref.department.name };
    if (current?.next && status !== 'completed' && status !== 'cancelled') {
      out.push({ ...base, plan: current.next, starting: undefined });
    } else if (
      !current &&
      status === 'planned' &&
      a.start >= quarterRange(quarter, startMonth).start &&
      a.start <= next.end
    ) {
      // Due to start this quarter but silent: say so, rather than present it as new.
      const starting =
        a.start >= next.start
          ? `a new activity starting ${ukDate(a.start)}`
          : `due to start on ${ukDate(a.start)}, no update yet`;
      out.push({ ...base, plan: a.description ?? 'A new co-production activity.', starting });
    }
  }
  return out;
}
