import type { PeriodView } from './common.js';
import type { Figures } from './figures.js';
import type { FollowUpRow, PlannedView } from './follow-up.js';
import type { RecommendationView } from './progress.js';
import { sharedDecisionSentence, type ReachView } from './reach.js';
import { listInWords, plural, recommendationNumbers } from './words.js';

/** What the generated paragraphs of the quarterly update are written from. */
export interface QuarterlyTextInput {
  departments: string[];
  /** Departments of the committee that sent no update for the quarter. */
  silent: string[];
  period: PeriodView;
  previous: PeriodView;
  next: PeriodView;
  figures: Figures;
  reach: ReachView;
  followUps: FollowUpRow[];
  planned: PlannedView[];
  progress: RecommendationView[];
  sections: { activity: number; reach: number; followUp: number; planned: number; progress: number; resources: number; barriers: number };
}

/** "Of the 7 plans made last quarter, 3 done, 1 dropped and 1 not followed up." */
export function followUpTally(rows: readonly FollowUpRow[]): string {
  const count = (r: FollowUpRow['result']) => rows.filter((f) => f.result === r).length;
  const parts = (
    [
      [count('done'), 'done'],
      [count('in-progress'), 'in progress'],
      [count('carried-over'), 'carried over'],
      [count('dropped'), 'dropped'],
      [count('not-stated'), 'reported without saying how the plan went'],
      [count('not-followed-up'), 'not followed up'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, w]) => `${n} ${w}`);
  return listInWords(parts);
}

/** "Residents were involved 61 times …, including 9 resident co-chairs." */
export function involvementSentence(f: Figures): string {
  return (
    `Residents were involved ${plural(f.residents, 'time')} across these activities (a resident taking part in several activities is counted in each)` +
    (f.coChairs > 0 ? `, including ${plural(f.coChairs, 'resident co-chair')}.` : '; no activity had a resident co-chair.')
  );
}

/** The SUMMARY section, generated from the figures. */
export function quarterlySummary(t: QuarterlyTextInput): string[] {
  const f = t.figures;
  const out: string[] = [
    `This report updates the Committee on co-production with Disabled residents by ${listInWords(t.departments)} in ${t.period.words}, and on the activity planned for ${t.next.words}, following the recommendations of the Disabled People's Commission.`,
  ];
  if (f.activities === 0) {
    out.push(`No co-production activity was reported for ${t.period.words}.`);
  } else {
    out.push(
      `${plural(f.activities, 'activity', 'activities')} reported progress this quarter, ${f.groups > 0 ? `with ${plural(f.groups, 'co-production group')}` : 'outside the standing co-production groups'}. ${involvementSentence(f)}`,
    );
    out.push(`${sharedDecisionSentence(t.reach.sharedDecisions, f.activities, 'this quarter')}.`);
    out.push(
      f.outcomes > 0
        ? `${plural(f.outcomes, 'change')} ${f.outcomes === 1 ? 'was' : 'were'} made because of what residents said ("you said, we did").`
        : 'No changes made because of what residents said were recorded this quarter.',
    );
  }
  const served = t.progress.filter((p) => p.activities > 0).length;
  const gaps = t.progress.filter((p) => p.activities === 0).map((p) => p.number);
  out.push(
    `Activity this quarter served ${served} of the ${t.progress.length} recommendations` +
      (gaps.length > 0 && served > 0 ? `; ${recommendationNumbers(gaps)} had none.` : '.'),
  );
  if (t.followUps.length > 0) {
    out.push(`Last quarter's update made ${plural(t.followUps.length, 'plan')} for this quarter. How ${t.followUps.length === 1 ? 'it' : 'they'} went: ${followUpTally(t.followUps)}.`);
  }
  if (t.silent.length > 0) out.push(`No update was received from ${listInWords(t.silent)} for this quarter.`);
  return out;
}

/** The numbered RECOMMENDATIONS: what the Committee is asked to note or decide. */
export function quarterlyRecommendations(t: QuarterlyTextInput): string[] {
  const out = [
    `That the Committee notes the co-production activity reported for ${t.period.words} and the activity planned for ${t.next.words}.`,
    `That the Committee notes progress against the eight recommendations of the Disabled People's Commission.`,
  ];
  const missed = t.followUps.filter((f) => f.result === 'not-followed-up');
  if (missed.length > 0) {
    out.push(
      `That the Committee asks for an update at its next meeting on the co-production planned for ${t.period.words} that was not followed up: ${listInWords(missed.map((m) => m.activity))}.`,
    );
  }
  const gaps = t.progress.filter((p) => p.activities === 0).map((p) => p.number);
  if (gaps.length > 0) {
    out.push(`That the Committee considers how the services it oversees could contribute to ${recommendationNumbers(gaps)}, which had no activity this quarter.`);
  }
  if (t.silent.length > 0) {
    out.push(`That the Committee asks ${listInWords(t.silent)} to report ${t.silent.length === 1 ? 'its' : 'their'} co-production activity for ${t.period.words} in the next update.`);
  }
  return out;
}

/** The introduction (section 1) of the detailed analysis. */
export function quarterlyIntroduction(t: QuarterlyTextInput): string[] {
  const s = t.sections;
  return [
    `This report sets out the co-production activity of ${listInWords(t.departments)} with Disabled residents in ${t.period.words} (quarter ${t.period.id}). Co-production means Disabled residents and decision makers working together to plan, design and review policy and services: doing things with residents, not to them.`,
    `Section ${s.activity} describes the activity in the quarter and what changed because of it; section ${s.reach} who took part and how close residents came to decisions; section ${s.followUp} what the last update said would happen and what did; section ${s.planned} the activity planned for ${t.next.words}; section ${s.progress} progress against each of the eight recommendations of the Disabled People's Commission; section ${s.resources} resourcing; and section ${s.barriers} barriers to progress.`,
    'Residents are counted, never named. A resident who took part in several activities is counted in each.',
  ];
}

/** The numbered "Looking ahead" paragraphs. */
export function quarterlyLookingAhead(t: QuarterlyTextInput): string[] {
  const who = t.departments.length === 1 ? 'the department plans' : 'the departments plan';
  const out = [
    t.planned.length === 0
      ? `No co-production work has been planned yet for ${t.next.words}; the next update will say what was agreed.`
      : `In ${t.next.words} ${who} ${t.planned.length === 1 ? 'one piece' : `${t.planned.length} pieces`} of co-production work, listed in section ${t.sections.planned}.`,
  ];
  const gaps = t.progress.filter((p) => p.activities === 0).map((p) => p.number);
  if (gaps.length > 0) {
    out.push(`${t.departments.length === 1 ? 'The department' : 'The departments'} will look for ways to contribute to ${recommendationNumbers(gaps)}, which had no activity this quarter.`);
  }
  const missed = t.followUps.filter((f) => f.result === 'not-followed-up');
  if (missed.length > 0) {
    out.push(`The next update will report on ${missed.length === 1 ? 'the plan' : `the ${missed.length} plans`} made for this quarter that ${missed.length === 1 ? 'was' : 'were'} not followed up.`);
  }
  return out;
}
