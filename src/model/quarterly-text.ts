import type { Figures } from './figures.js';
import type { FollowUpRow, PlannedView } from './follow-up.js';
import { listInWords, plural } from './words.js';

interface Period {
  words: string;
}

/** What the generated summary and recommendations are written from. */
export interface QuarterlyTextInput {
  committee: string;
  departments: string[];
  period: Period;
  previous: Period;
  next: Period;
  figures: Figures;
  followUps: FollowUpRow[];
  planned: PlannedView[];
  progress: { number: number; activities: number }[];
}

/** The SUMMARY section, generated from the figures. */
export function quarterlySummary(t: QuarterlyTextInput): string[] {
  const f = t.figures;
  const who = listInWords(t.departments);
  const out: string[] = [];
  out.push(
    `This report updates the Committee on co-production with Disabled residents by ${who} in ${t.period.words}, and on the activity planned for ${t.next.words}, following the recommendations of the Disabled People's Commission.`,
  );
  if (f.activities === 0) {
    out.push(`No co-production activity was reported for ${t.period.words}.`);
  } else {
    out.push(
      `${plural(f.activities, 'activity', 'activities')} reported progress this quarter, ${f.groups > 0 ? `with ${plural(f.groups, 'co-production group')}` : 'outside the standing co-production groups'}. ` +
        `Residents were involved ${plural(f.residents, 'time')} across these activities (a resident taking part in several activities is counted in each), including ${plural(f.coChairs, 'resident co-chair')}.`,
    );
    out.push(
      f.outcomes > 0
        ? `${plural(f.outcomes, 'change')} ${f.outcomes === 1 ? 'was' : 'were'} made because of what residents said ("you said, we did").`
        : 'No changes made because of what residents said were recorded this quarter.',
    );
  }
  const served = t.progress.filter((p) => p.activities > 0).length;
  out.push(`Activity this quarter served ${served} of the ${t.progress.length} recommendations.`);
  if (t.followUps.length > 0) {
    const count = (r: string) => t.followUps.filter((f) => f.result === r).length;
    const parts = [
      [count('done'), 'done'],
      [count('in-progress'), 'in progress'],
      [count('carried-over'), 'carried over'],
      [count('dropped'), 'dropped'],
      [count('not-stated'), 'reported without saying how the plan went'],
      [count('not-followed-up'), 'not followed up'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, w]) => `${n} ${w}`);
    out.push(`Of the ${plural(t.followUps.length, 'plan')} made last quarter for this quarter, ${listInWords(parts)}.`);
  }
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
  const gaps = t.progress.filter((p) => p.activities === 0).map((p) => String(p.number));
  if (gaps.length > 0) {
    out.push(
      `That the Committee considers how the services it oversees could contribute to ${gaps.length === 1 ? 'recommendation' : 'recommendations'} ${listInWords(gaps)}, which had no activity this quarter.`,
    );
  }
  return out;
}
