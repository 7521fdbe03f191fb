import { formatQuarter, nextQuarter, parseQuarter } from '../periods/periods.js';
import type { Activity, FollowUpResult, Level, Stage, Status, Update } from './activities.js';

/**
 * An activity's history, read from its updates. Each update records the
 * activity's status at the end of its quarter (and its stage and level when
 * they change), so what a paper says about a quarter depends only on the
 * updates up to that quarter: later updates never rewrite the past.
 *
 * Quarter ids (`2023/24-Q1`) have a fixed width, so they compare in time
 * order as strings.
 */

/** Where an activity stood at the end of a quarter. */
export interface ActivityState {
  status: Status;
  stage: Stage;
  level: Level;
}

/** The updates of an activity up to and including `quarter`, in time order. */
export function updatesUpTo(activity: Activity, quarter: string): Update[] {
  return activity.updates
    .filter((u) => u.quarter <= quarter)
    .sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
}

/**
 * True when the activity is in the old shape: a status on the activity and
 * none on its updates. Its papers then show that one status for every quarter.
 */
export function isOldShape(activity: Activity): boolean {
  return activity.status !== undefined && activity.updates.every((u) => u.status === undefined);
}

/**
 * The activity's status, stage and level at the end of `quarter`: the latest
 * recorded in an update up to then, else the activity's starting stage and
 * level, and `planned` before its first update (`in-progress` after it).
 */
export function stateAt(activity: Activity, quarter: string): ActivityState {
  let stage = activity.stage;
  let level = activity.level;
  let status: Status | undefined;
  const updates = updatesUpTo(activity, quarter);
  for (const u of updates) {
    if (u.stage !== undefined) stage = u.stage;
    if (u.level !== undefined) level = u.level;
    if (u.status !== undefined) status = u.status;
  }
  // Old shape: the activity's own status stands for every quarter none of its updates up to then records one.
  if (status === undefined) status = activity.status ?? (updates.length > 0 ? 'in-progress' : 'planned');
  return { status, stage, level };
}

/** A plan an update made (`next:`) for the quarter after it. */
export interface Plan {
  /** The quarter whose update made the plan. */
  madeIn: string;
  /** The quarter the plan was for. */
  dueIn: string;
  text: string;
}

/** A plan and, once an update has said how it went, the answer. */
export interface PlanRecord extends Plan {
  /** The quarter of the update that said how the plan went; undefined while the plan is open. */
  closedIn: string | undefined;
  result: FollowUpResult | undefined;
  reason: string | undefined;
  /** Quarters after the plan was due whose updates did not say how it went. */
  unanswered: string[];
}

/**
 * Every plan made up to `quarter` and how each stood at its end. A plan stays
 * open until an update says how it went (`followUp:`); a `followUp:` answers
 * the most recent plan still open, so an update that comes late still closes
 * the plan it follows.
 */
export function plansAsOf(activity: Activity, quarter: string): PlanRecord[] {
  const plans: PlanRecord[] = [];
  for (const u of updatesUpTo(activity, quarter)) {
    const open = plans.filter((p) => p.closedIn === undefined && p.madeIn < u.quarter);
    const answered = open.at(-1);
    if (answered && u.followUp) {
      answered.closedIn = u.quarter;
      answered.result = u.followUp.result;
      answered.reason = u.followUp.reason;
    } else if (answered) {
      answered.unanswered.push(u.quarter);
    }
    if (u.next !== undefined) {
      const q = parseQuarter(u.quarter);
      if (!q) continue;
      plans.push({
        madeIn: u.quarter,
        dueIn: formatQuarter(nextQuarter(q)),
        text: u.next,
        closedIn: undefined,
        result: undefined,
        reason: undefined,
        unanswered: [],
      });
    }
  }
  return plans;
}
