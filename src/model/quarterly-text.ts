import type { PeriodView } from './common.js';
import type { Figures } from './figures.js';
import type { FollowUpRow, PlannedView } from './follow-up.js';
import type { RecommendationView } from './progress.js';
import { sharedDecisionSentence, type ReachView } from './reach.js';
import { itemNumbers, type Terms } from './terms.js';
import { leadingCount, listInWords, plural } from './words.js';

/** What the generated paragraphs of the quarterly update are written from. */
export interface QuarterlyTextInput {
  terms: Terms;
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
  /** Plans of the committee's departments still open at the end of the quarter. */
  openPlans: number;
  /** The next meeting of the committee after this one, when the calendar has it. */
  nextMeeting: string | undefined;
  sections: {
    activity: number;
    reach: number;
    asked: number;
    followUp: number;
    planned: number;
    progress: number;
    resources: number;
    barriers: number;
    lookingAhead: number;
  };
}

/** "3 done, 1 dropped and 1 with no update received": how the plans went. */
export function followUpTally(rows: readonly FollowUpRow[]): string {
  const count = (r: FollowUpRow['result']) => rows.filter((f) => f.result === r).length;
  const parts = (
    [
      [count('done'), 'done'],
      [count('in-progress'), 'in progress'],
      [count('carried-over'), 'carried over'],
      [count('dropped'), 'dropped'],
      [count('not-stated'), 'reported without saying how the plan went'],
      [count('not-followed-up'), 'with no update received'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, w]) => `${n} ${w}`);
  return listInWords(parts);
}

/** "Residents were involved 61 times …, and resident co-chairs 9 times." */
export function involvementSentence(f: Figures): string {
  return (
    `Residents were involved ${plural(f.residents, 'time')}` +
    (f.coChairs > 0
      ? `, ${f.coChairs.toLocaleString('en-GB')} of them as ${f.coChairs === 1 ? 'a co-chair' : 'co-chairs'}.`
      : '; no activity had a resident co-chair.')
  );
}

/** The SUMMARY section, generated from the figures. */
export function quarterlySummary(t: QuarterlyTextInput): string[] {
  const f = t.figures;
  const out: string[] = [
    `This report updates the ${t.terms.committee} on co-production with Disabled residents by ${listInWords(t.departments)} in ${t.period.words}. It also covers the activity planned for ${t.next.words} and progress against ${t.terms.framework}.`,
  ];
  if (f.activities === 0) {
    out.push(`No co-production activity was reported for ${t.period.words}.`);
  } else {
    out.push(
      `${plural(f.activities, 'activity', 'activities')} reported progress${f.groups > 0 ? `; ${plural(f.groups, 'standing co-production group')} ${f.groups === 1 ? 'was' : 'were'} active` : ''}. ${involvementSentence(f)} ` +
        `${sharedDecisionSentence(t.reach.sharedDecisions, f.activities, 'this quarter')}. ` +
        (f.outcomes > 0
          ? `${plural(f.outcomes, 'change')} ${f.outcomes === 1 ? 'was' : 'were'} made because of what residents said.`
          : 'No change made because of what residents said was recorded.'),
    );
  }
  const served = t.progress.filter((p) => p.activities > 0).length;
  const gaps = t.progress.filter((p) => p.activities === 0).map((p) => p.number);
  const coverage =
    f.activities > 0
      ? `Activity served ${served} of the ${t.progress.length} ${t.terms.items}${gaps.length > 0 ? `; ${itemNumbers(t.terms, gaps)} had none` : ''}.`
      : '';
  const plans =
    t.followUps.length > 0
      ? `Of ${plural(t.followUps.length, 'plan')} due by this quarter: ${followUpTally(t.followUps)}.`
      : '';
  if (coverage || plans) out.push([coverage, plans].filter((x) => x).join(' '));
  if (t.silent.length > 0) out.push(`No update was received from ${listInWords(t.silent)} for this quarter.`);
  return out;
}

/** The introduction (section 1) of the detailed analysis. */
export function quarterlyIntroduction(t: QuarterlyTextInput): string[] {
  const s = t.sections;
  return [
    `Co-production means Disabled residents and decision makers working together to plan, design and review policy and services. It means doing things with residents, not to them. This report covers ${t.period.words} (quarter ${t.period.id}).`,
    `Section ${s.activity} gives the activity in the quarter and what changed because of it. Section ${s.reach} says who took part, section ${s.asked} what the ${t.terms.committee} asked last quarter and the answer, and section ${s.followUp} how earlier plans went. Section ${s.planned} gives the plans for ${t.next.words}. Section ${s.progress} gives progress against ${t.terms.framework}. Section ${s.resources} covers resourcing, section ${s.barriers} barriers and section ${s.lookingAhead} what comes next.`,
    `Residents are counted, never named. A resident involvement is one resident in one activity in the quarter, so someone in two activities counts twice, and so does a co-chair. An activity serving several ${t.terms.items} counts once, except in tables by ${t.terms.item}.`,
  ];
}

/** The numbered "Looking ahead" paragraphs: only what the data backs. */
export function quarterlyLookingAhead(t: QuarterlyTextInput): string[] {
  const out = [
    t.planned.length === 0
      ? `No co-production work has been planned yet for ${t.next.words}.`
      : `${leadingCount(t.planned.length, 'piece', 'pieces')} of work ${t.planned.length === 1 ? 'is' : 'are'} planned for ${t.next.words} (section ${t.sections.planned}).`,
  ];
  if (t.openPlans > 0) {
    out.push(
      `${leadingCount(t.openPlans, 'earlier plan')} ${t.openPlans === 1 ? 'is' : 'are'} still open: no update has yet said how ${t.openPlans === 1 ? 'it' : 'they'} went (section ${t.sections.followUp}).`,
    );
  }
  if (t.nextMeeting) out.push(`The next update comes to the ${t.terms.committee} on ${t.nextMeeting}.`);
  return out;
}
