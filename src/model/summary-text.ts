import type { PeriodView } from './common.js';
import type { Figures } from './figures.js';
import type { RecommendationView } from './progress.js';
import type { Coverage, MissedCommitment } from './summary-coverage.js';
import { formatMoney, listInWords, plural, recommendationNumbers } from './words.js';

/** What the generated paragraphs of the biannual summary are written from. */
export interface SummaryTextInput {
  boardName: string;
  half: PeriodView;
  previous: PeriodView;
  quarters: PeriodView[];
  committeeCount: number;
  figures: Figures;
  previousFigures: Figures;
  sharedDecisions: number;
  coverage: Coverage;
  progress: RecommendationView[];
  missed: MissedCommitment[];
  /** Committees with a department that sent no return in a quarter of the half. */
  silent: { committee: string; departments: string[]; quarters: string[] }[];
  sections: Record<'figures' | 'reach' | 'coverage' | 'progress' | 'returns' | 'followUp' | 'highlights' | 'resources' | 'barriers' | 'lookingAhead', number>;
}

/** "rose from 28 to 30", "fell from £1,200 to £900", "stayed at 4". */
export function trend(current: number, previous: number, format: (n: number) => string = (n) => n.toLocaleString('en-GB')): string {
  if (current === previous) return `stayed at ${format(current)}`;
  return `${current > previous ? 'rose' : 'fell'} from ${format(previous)} to ${format(current)}`;
}

/** The SUMMARY section. */
export function summarySummary(t: SummaryTextInput): string[] {
  const f = t.figures;
  const p = t.previousFigures;
  const [q1, q2] = t.quarters;
  const out = [
    `This report summarises the quarterly co-production updates to the Council's ${plural(t.committeeCount, 'Policy and Accountability Committee')} (PACs) for ${q1!.words} and ${q2!.words}, and sets out where the Council stands against the eight recommendations of the Disabled People's Commission. The ${t.boardName} resolved to consider such a summary twice a year.`,
  ];
  if (f.activities === 0) {
    out.push(`No co-production activity was reported for ${t.half.words}.`);
  } else {
    out.push(
      `In ${t.half.words}, ${plural(f.activities, 'co-production activity', 'co-production activities')} reported progress (previous half-year: ${p.activities}), and residents were involved ${plural(f.residents, 'time')} (previous half-year: ${p.residents}). ` +
        `${t.sharedDecisions} of the activities were at co-design or co-production level, where residents share in decisions. ${plural(f.outcomes, 'change')} ${f.outcomes === 1 ? 'was' : 'were'} made because of what residents said.`,
    );
    out.push(`Spending on access costs, participation fees and other co-production costs ${trend(f.total, p.total, formatMoney)}.`);
  }
  const served = t.progress.filter((r) => r.activities > 0).length;
  const unserved = t.coverage.unserved.map((u) => u.number);
  out.push(
    `${served === t.progress.length ? `All ${served}` : `${served} of the ${t.progress.length}`} recommendations had activity somewhere in the Council` +
      (unserved.length > 0 ? `; ${recommendationNumbers(unserved)} had none.` : '.') +
      ` The coverage table in section ${t.sections.coverage} shows which committees' departments worked on which recommendations, and names the gaps.`,
  );
  const returns = t.silent.map((s) => `${listInWords(s.departments)} sent no return for ${listInWords(s.quarters)} (section ${t.sections.returns}). `).join('');
  out.push(
    t.missed.length > 0
      ? `${returns}${plural(t.missed.length, 'commitment')} made in a quarterly update ${t.missed.length === 1 ? 'was' : 'were'} not followed up in the next (section ${t.sections.followUp}).`
      : `${returns}Every commitment made in a quarterly update was reported on in the next.`,
  );
  return out;
}

/** The numbered RECOMMENDATIONS: what the Board is asked to note or decide. */
export function summaryRecommendations(t: SummaryTextInput): string[] {
  const out = [`That the Board notes the summary of co-production reported to the Policy and Accountability Committees for ${t.half.words}.`];
  if (t.coverage.unserved.length > 0) {
    const names = t.coverage.unserved.map((u) => `${u.number} (${u.title})`);
    out.push(
      `That the Board asks officers to report to its next meeting on how ${recommendationNumbers(names)} will be taken forward, as no department reported activity on ${t.coverage.unserved.length === 1 ? 'it' : 'them'} in ${t.half.words}.`,
    );
  }
  for (const gap of t.coverage.committeeGaps) {
    out.push(
      gap.numbers.length === t.progress.length
        ? `That the Board asks the ${gap.committee.name} to seek co-production plans from its departments, which reported no activity in ${t.half.words}.`
        : `That the Board asks the ${gap.committee.name} to consider how the services it oversees could contribute to ${recommendationNumbers(gap.numbers)}, on which its departments reported no activity in ${t.half.words}.`,
    );
  }
  for (const s of t.silent) {
    out.push(
      `That the Board asks the ${s.committee} to make sure ${listInWords(s.departments)} ${s.departments.length === 1 ? 'reports' : 'report'} co-production activity every quarter; no return was received for ${listInWords(s.quarters)}.`,
    );
  }
  if (t.missed.length > 0) {
    const named = [...new Set(t.missed.map((m) => `the ${m.committee}`))];
    out.push(
      `That the Board asks ${listInWords(named)} to seek updates on the ${t.missed.length === 1 ? 'commitment' : `${t.missed.length} commitments`} not followed up, listed in section ${t.sections.followUp}.`,
    );
  }
  return out;
}

/** The introduction (section 1) of the detailed analysis. */
export function summaryIntroduction(t: SummaryTextInput): string[] {
  const s = t.sections;
  const [q1, q2] = t.quarters;
  return [
    `The ${t.boardName} resolved that each Policy and Accountability Committee (PAC) should consider a quarterly update on previous and planned co-production activity, and that the Board should consider a summary of those reports twice a year. This is the summary for ${t.half.words} (half-year ${t.half.id}).`,
    `It brings together, council-wide, the updates for ${q1!.words} and ${q2!.words}, listed under background papers. Figures are compared with the previous half-year, ${t.previous.words}. Co-production means Disabled residents and decision makers working together to plan, design and review policy and services: doing things with residents, not to them.`,
    'Residents are counted, never named. A resident who took part in several activities, or in both quarters, is counted each time.',
    `Section ${s.figures} gives the figures for the half-year; section ${s.reach} who took part and how close residents came to decisions; section ${s.coverage} which committees' departments worked on which recommendations, and the gaps; section ${s.progress} where each recommendation stands; section ${s.returns} missing returns; section ${s.followUp} commitments not followed up; section ${s.highlights} highlights from each committee; section ${s.resources} resourcing; section ${s.barriers} barriers to progress; and section ${s.lookingAhead} what comes next.`,
  ];
}

/** The paragraphs under the figures table, in words. */
export function figuresTexts(t: SummaryTextInput): string[] {
  const f = t.figures;
  const p = t.previousFigures;
  return [
    `Compared with ${t.previous.words}, the number of activities reporting progress ${trend(f.activities, p.activities)}, the number of co-production groups active ${trend(f.groups, p.groups)}, and resident involvement ${trend(f.residents, p.residents)}.`,
    `Changes made because of what residents said ("you said, we did") ${trend(f.outcomes, p.outcomes)}. Total spending ${trend(f.total, p.total, formatMoney)}.`,
  ];
}
