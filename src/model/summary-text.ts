import type { PeriodView } from './common.js';
import type { Figures } from './figures.js';
import type { RecommendationView } from './progress.js';
import type { Coverage } from './summary-coverage.js';
import type { OpenCommitment } from './summary-asks.js';
import { itemNumbers, type Terms } from './terms.js';
import { formatMoney, listInWords, plural } from './words.js';

/** What the generated paragraphs of the biannual summary are written from. */
export interface SummaryTextInput {
  terms: Terms;
  boardName: string;
  half: PeriodView;
  previous: PeriodView;
  /** Whether the data holds anything for the previous half-year to compare with. */
  hasPrevious: boolean;
  quarters: PeriodView[];
  committeeCount: number;
  figures: Figures;
  previousFigures: Figures;
  sharedDecisions: number;
  coverage: Coverage;
  progress: RecommendationView[];
  open: OpenCommitment[];
  /** Departments that sent no return in a quarter of the half. */
  missing: { department: string; quarters: string[] }[];
  sections: Record<
    | 'figures'
    | 'reach'
    | 'coverage'
    | 'progress'
    | 'returns'
    | 'asked'
    | 'open'
    | 'highlights'
    | 'resources'
    | 'barriers'
    | 'lookingAhead',
    number
  >;
}

/** "rose from 28 to 30", "fell from £1,200 to £900", "stayed at 4". */
export function trend(
  current: number,
  previous: number,
  format: (n: number) => string = (n) => n.toLocaleString('en-GB'),
): string {
  if (current === previous) return `stayed at ${format(current)}`;
  return `${current > previous ? 'rose' : 'fell'} from ${format(previous)} to ${format(current)}`;
}

/** The SUMMARY section. */
export function summarySummary(t: SummaryTextInput): string[] {
  const f = t.figures;
  const p = t.previousFigures;
  const [q1, q2] = t.quarters;
  const out = [
    `This report summarises co-production in ${q1!.words} and ${q2!.words}. It draws on the quarterly updates to the Council's ${plural(t.committeeCount, t.terms.committeeType, t.terms.committeeTypePlural)}. It sets out where the Council stands against ${t.terms.framework}. The ${t.boardName} considers such a summary twice a year.`,
  ];
  if (f.activities === 0) {
    out.push(`No co-production activity was reported for ${t.half.words}.`);
  } else {
    const before = (n: number) => (t.hasPrevious ? ` (previous half-year: ${n.toLocaleString('en-GB')})` : '');
    out.push(
      `In ${t.half.words}, ${plural(f.activities, 'co-production activity', 'co-production activities')} reported progress${before(p.activities)}, with ${plural(f.residents, 'resident involvement')}${before(p.residents)}. ` +
        `${t.sharedDecisions} of the activities were at co-design or co-production level, where residents share in decisions. ${plural(f.outcomes, 'change')} ${f.outcomes === 1 ? 'was' : 'were'} made because of what residents said.` +
        (t.hasPrevious
          ? ` Spending on access costs, participation fees and other co-production costs ${trend(f.total, p.total, formatMoney)}.`
          : ` The data holds nothing for ${t.previous.words} to compare with.`),
    );
  }
  const served = t.progress.filter((r) => r.activities > 0).length;
  const unserved = t.coverage.unserved.map((u) => u.number);
  out.push(
    `${served === t.progress.length ? `All ${served}` : `${served} of the ${t.progress.length}`} ${t.terms.items} had activity somewhere in the Council` +
      (unserved.length > 0 ? `; ${itemNumbers(t.terms, unserved)} had none.` : '.') +
      ` Section ${t.sections.coverage} shows which ${t.terms.committeeTypePlural}' departments worked on which ${t.terms.items}, and the gaps.`,
  );
  const returns =
    t.missing.length > 0
      ? `${listInWords(t.missing.map((m) => `${m.department} (${listInWords(m.quarters)})`))} sent no return (section ${t.sections.returns}). `
      : '';
  out.push(
    t.open.length > 0
      ? `${returns}${plural(t.open.length, 'plan')} made in quarterly updates ${t.open.length === 1 ? 'is' : 'are'} still open at the end of the half-year: no update has said how ${t.open.length === 1 ? 'it' : 'they'} went (section ${t.sections.open}).`
      : `${returns}Every plan due by the end of the half-year has been reported on.`,
  );
  return out;
}

/** The introduction (section 1) of the detailed analysis. */
export function summaryIntroduction(t: SummaryTextInput): string[] {
  const s = t.sections;
  const [q1, q2] = t.quarters;
  return [
    `Each ${t.terms.committeeType} considers a quarterly update on previous and planned co-production activity. The ${t.boardName} considers a summary of those updates twice a year. This is the summary for ${t.half.words} (half-year ${t.half.id}). It brings together the updates for ${q1!.words} and ${q2!.words} from across the Council, listed under background papers.${t.hasPrevious ? ` It compares them with ${t.previous.words}.` : ''}`,
    `How things are counted: residents are counted, never named. An activity is counted once however many ${t.terms.items} it serves, except in tables by ${t.terms.item}. A resident involvement is one resident taking part in one activity in one quarter. A resident in two activities, or in both quarters, is counted each time, and so is a co-chair.`,
    `Section ${s.figures} gives the figures, and section ${s.reach} who took part and how close residents came to decisions. Section ${s.coverage} shows which ${t.terms.committeeTypePlural}' departments worked on which ${t.terms.items}, and section ${s.progress} where each ${t.terms.item} stands. Section ${s.returns} lists missing returns, section ${s.asked} what the ${t.terms.board} asked last time and the answer, and section ${s.open} plans still open. Section ${s.highlights} gives highlights from each ${t.terms.committeeType}. Section ${s.resources} covers resourcing, section ${s.barriers} barriers to progress and section ${s.lookingAhead} what comes next.`,
  ];
}
