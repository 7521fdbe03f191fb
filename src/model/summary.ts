import { formatHalf, formatQuarter, halfRange, nextQuarter, previousHalf, quartersOfHalf, type Half } from '../periods/periods.js';
import type { Dataset } from '../validate/dataset.js';
import { contactOf, councilView, meetingDate, numbered, periodView, type ContactView, type CouncilView, type DocumentMeta, type HeaderView, type Paragraph, type PeriodView } from './common.js';
import { activeIn, figuresFor, type Figures } from './figures.js';
import { plannedNext } from './follow-up.js';
import { activitiesOf, buildLookup, type Lookup } from './lookup.js';
import { moneyRow, progressViews, type MoneyRow, type RecommendationView } from './progress.js';
import { reachOf, type LevelRow } from './reach.js';
import { coverageGapTexts, coverageMatrix, missedCommitments, missingReturnTexts, type CommitteeColumn, type CoverageRow, type MissedCommitment } from './summary-coverage.js';
import { committeeHighlights, comparisonRows, halfBarriers, halfOutcomes, summaryBackgroundPapers, summaryLookingAhead, type ComparisonRow, type HighlightView, type OutcomeRow } from './summary-parts.js';
import { figuresTexts, summaryIntroduction, summaryRecommendations, summarySummary } from './summary-text.js';

/** The numbered sections of the summary's detailed analysis, in print order (1 is the introduction). */
export const SUMMARY_SECTIONS = ['figures', 'reach', 'coverage', 'progress', 'returns', 'followUp', 'highlights', 'resources', 'barriers', 'lookingAhead'] as const;
/** The name of a numbered section of the biannual summary. */
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

/** Everything the biannual summary to the Policy and Oversight Board prints. */
export interface SummaryModel {
  meta: DocumentMeta;
  council: CouncilView;
  header: HeaderView;
  board: { id: string; name: string };
  half: PeriodView;
  previous: PeriodView;
  quarters: PeriodView[];
  figures: Figures;
  previousFigures: Figures;
  summary: string[];
  recommendations: { number: number; text: string }[];
  contacts: ContactView[];
  backgroundPapers: string[];
  introduction: Paragraph[];
  totals: { rows: ComparisonRow[]; paragraphs: Paragraph[] };
  reach: { levelsNumber: string; levelsText: string; levels: LevelRow[]; paragraphs: Paragraph[]; decisionRolesNumber: string; decisionRoles: { number: string; activity: string; role: string }[] };
  coverage: { number: string; committees: CommitteeColumn[]; rows: CoverageRow[]; gaps: Paragraph[] };
  progress: RecommendationView[];
  returns: Paragraph[];
  missed: { number: string; rows: MissedCommitment[] };
  highlights: HighlightView[];
  money: { number: string; rows: MoneyRow[]; total: MoneyRow };
  barriers: { number: string; activity: string; committee: string; quarter: string; barrier: string; response: string }[];
  lookingAhead: Paragraph[];
  outcomes: OutcomeRow[];
  sections: Record<SummarySection, number>;
}

/** Options of the biannual summary that do not come from the data. */
export interface SummaryOptions {
  /** Meeting date (ISO) given on the command line, overriding the board's calendar. */
  date?: string;
}

function halfView(h: Half, startMonth: number): PeriodView {
  const range = halfRange(h, startMonth);
  return { id: formatHalf(h), words: range.words, start: range.start, end: range.end };
}

/**
 * The view model of the biannual summary to the Policy and Oversight Board:
 * a pure function of the validated data and the half-year, council-wide.
 */
export function buildSummaryModel(dataset: Dataset, half: Half, options: SummaryOptions = {}, lookup: Lookup = buildLookup(dataset)): SummaryModel {
  const { board, committees } = dataset.council;
  const sections = Object.fromEntries(SUMMARY_SECTIONS.map((name, i) => [name, i + 2])) as Record<SummarySection, number>;
  const start = lookup.startMonth;
  const period = halfView(half, start);
  const previous = halfView(previousHalf(half), start);
  const quarterList = quartersOfHalf(half);
  const quarters = quarterList.map((q) => periodView(q, start));
  const qIds = quarters.map((q) => q.id);
  const prevIds = quartersOfHalf(previousHalf(half)).map(formatQuarter);
  const refs = lookup.activities;
  const allDepartments = dataset.council.departments.map((d) => d.id);
  const figures = figuresFor(refs, qIds);
  const previousFigures = figuresFor(refs, prevIds);
  const subject = `Co-production biannual summary: ${period.words}`;

  const reached = reachOf(refs, [...lookup.groups.values()], qIds, prevIds, period.end, 'half-year');
  const reachParagraphs = numbered(sections.reach, reached.paragraphs, 2);
  const decisionRolesNumber = `${sections.reach}.${reachParagraphs.length + 2}`;
  const coverage = coverageMatrix(lookup, committees, qIds);
  const progress = progressViews(lookup, { refs, departmentIds: allDepartments, quarters: qIds, previousQuarters: prevIds, noun: 'half-year' });
  progress.forEach((p, i) => (p.paragraph = `${sections.progress}.${i + 2}`));
  const returns = missingReturnTexts(lookup, committees, quarters);
  const missed = missedCommitments(lookup, committees, quarters);
  const active = activeIn(refs, qIds);
  const planned = plannedNext(refs, quarterList[1], start);
  const nextHalf = halfView({ year: half.number === 2 ? half.year + 1 : half.year, number: half.number === 2 ? 1 : 2 }, start);

  const texts = {
    boardName: board.name,
    half: period,
    previous,
    quarters,
    committeeCount: committees.length,
    figures,
    previousFigures,
    sharedDecisions: reached.sharedDecisions,
    coverage,
    progress,
    missed,
    silent: returns.committees,
    sections,
  };
  return {
    meta: {
      title: `${board.name}: co-production biannual summary, ${period.words}`,
      subject,
      author: dataset.council.council.name,
      language: dataset.council.council.language,
      shortTitle: `${board.name}: biannual summary, ${period.words}`,
    },
    council: councilView(dataset),
    header: { reportTo: board.name, ...meetingDate(options.date, board.meetings?.[period.id]), subject, author: board.author.role, director: board.director.role },
    board: { id: board.id, name: board.name },
    half: period,
    previous,
    quarters,
    figures,
    previousFigures,
    summary: summarySummary(texts),
    recommendations: summaryRecommendations(texts).map((text, i) => ({ number: i + 1, text })),
    contacts: [contactOf(board.author)],
    backgroundPapers: summaryBackgroundPapers(dataset, quarters),
    introduction: numbered(1, summaryIntroduction(texts)),
    totals: { rows: comparisonRows(lookup, figures, previousFigures, reached, qIds, prevIds), paragraphs: numbered(sections.figures, figuresTexts(texts), 2) },
    reach: {
      levelsNumber: `${sections.reach}.1`,
      levelsText: reached.levelsText,
      levels: reached.levels,
      paragraphs: reachParagraphs,
      decisionRolesNumber,
      decisionRoles: reached.decisionRoles.map((d, i) => ({ number: `${decisionRolesNumber}.${i + 1}`, ...d })),
    },
    coverage: { number: `${sections.coverage}.1`, committees: coverage.committees, rows: coverage.rows, gaps: numbered(sections.coverage, coverageGapTexts(coverage, period.words), 2) },
    progress,
    returns: numbered(sections.returns, returns.texts),
    missed: { number: `${sections.followUp}.1`, rows: missed },
    highlights: committeeHighlights(lookup, committees, qIds, prevIds, sections.highlights),
    money: {
      number: `${sections.resources}.1`,
      rows: coverage.committees.map((c, i) => moneyRow(c.shortName, figuresFor(activitiesOf(lookup, committees[i]!.departments), qIds))),
      total: moneyRow('All activity (each activity counted once)', figures),
    },
    barriers: halfBarriers(lookup, committees, active, quarters, sections.barriers),
    lookingAhead: numbered(sections.lookingAhead, summaryLookingAhead({ planned: planned.length, next: periodView(nextQuarter(quarterList[1]), start), nextHalf, nextMeeting: board.meetings?.[nextHalf.id], gaps: coverage.committeeGaps.length, boardName: board.name })),
    outcomes: halfOutcomes(lookup, committees, quarters),
    sections,
  };
}
