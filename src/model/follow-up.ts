import { formatQuarter, nextQuarter, previousQuarter, quarterRange, ukDate, type Quarter } from '../periods/periods.js';
import type { FollowUpResult } from '../schema/activities.js';
import { updateFor, type ActivityRef } from './lookup.js';
import { FOLLOW_UP_WORDS } from './words.js';

/** One line of "what we said last quarter, and what happened". */
export interface FollowUpRow {
  activity: string;
  department: string;
  /** What the previous update said would happen. */
  plan: string;
  result: FollowUpResult | 'not-followed-up' | 'not-stated';
  /** The result in words: Done, In progress, Carried over, Dropped, Not followed up. */
  resultWords: string;
  reason: string;
}

/** Every activity whose previous-quarter update planned work for this quarter, and how it went. */
export function followUpRows(refs: readonly ActivityRef[], quarter: Quarter, startMonth: number): FollowUpRow[] {
  const q = formatQuarter(quarter);
  const prev = formatQuarter(previousQuarter(quarter));
  const rows: FollowUpRow[] = [];
  for (const ref of refs) {
    const earlier = updateFor(ref.activity, prev);
    if (!earlier?.next) continue;
    const current = updateFor(ref.activity, q);
    let result: FollowUpRow['result'];
    let reason: string;
    if (current?.followUp) {
      result = current.followUp.result;
      reason = current.followUp.reason ?? (result === 'done' ? 'Completed as planned.' : 'No reason given.');
    } else if (current) {
      result = 'not-stated';
      reason = 'An update was received but it does not say how the plan went.';
    } else if (ref.activity.status === 'cancelled') {
      result = 'dropped';
      reason = 'The activity was cancelled and no update was received.';
    } else {
      result = 'not-followed-up';
      reason = `No update was received for ${quarterRange(quarter, startMonth).words}.`;
    }
    rows.push({ activity: ref.activity.title, department: ref.department.name, plan: earlier.next, result, resultWords: FOLLOW_UP_WORDS[result], reason });
  }
  return rows;
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
    const base = { number: '', activity: a.title, group: ref.group?.name, department: ref.department.name };
    if (current?.next && a.status !== 'completed' && a.status !== 'cancelled') {
      out.push({ ...base, plan: current.next, starting: undefined });
    } else if (!current && a.status === 'planned' && a.start >= quarterRange(quarter, startMonth).start && a.start <= next.end) {
      // Due to start this quarter but silent: say so, rather than present it as new.
      const starting = a.start >= next.start ? `a new activity starting ${ukDate(a.start)}` : `due to start on ${ukDate(a.start)}, with no update received yet`;
      out.push({ ...base, plan: a.description ?? 'A new co-production activity.', starting });
    }
  }
  return out;
}
