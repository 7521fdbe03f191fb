import {
  formatHalf,
  formatQuarter,
  halfRange,
  nextQuarter,
  previousHalf,
  quartersOfHalf,
  type Half,
} from '../periods/periods.js';
import type { Dataset } from '../validate/dataset.js';
import { meetingDateOf } from '../schema/council.js';
import type { AskAnswer } from './asks.js';
import { dataCovers } from './asks.js';
import {
  contactOf,
  councilView,
  meetingDate,
  numbered,
  officersOf,
  periodView,
  type ContactView,
  type CouncilView,
  type DocumentMeta,
  type HeaderView,
  type Paragraph,
  type PeriodView,
} from './common.js';
import { activeIn, figuresFor, type Figures } from './figures.js';
import { plannedNext } from './follow-up.js';
import { activitiesOf, buildLookup, type Lookup } from './lookup.js';
import { measureExample, moneyRow, progressViews, type MoneyRow, type RecommendationView } from './progress.js';
import { reachOf, type LevelRow } from './reach.js';
import {
  answerBoardAsks,
  boardAsks,
  boardAskTexts,
  openCommitments,
  type BoardAsks,
  type OpenCommitment,
} from './summary-asks.js';
import { coverageGapTexts, coverageMatrix, missingReturnTexts, type Coverage } from './summary-coverage.js';
import {
  committeeHighlights,
  comparisonRows,
  halfBarriers,
  summaryBackgroundPapers,
  summaryLookingAhead,
  type ComparisonRow,
  type HighlightView,
} from './summary-parts.js';
import { summaryIntroduction, summarySummary } from './summary-text.js';
import { termsOf, type Terms } from './terms.js';
import { plural } from './words.js';
import { whoTookPart, type WhoTookPartView } from './who-took-part.js';

/** The numbered sections of the summary's detailed analysis, in print order (1 is the introduction). */
export const SUMMARY_SECTIONS = [
  'figures',
  'reach',
  'coverage',
  'progress',
  'returns',
  'asked',
  'open',
  'highlights',
  'resources',
  'barriers',
  'lookingAhead',
] as const;
/** The name of a numbered section of the biannual summary. */
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

/** Everything the biannual summary to the board prints. */
export interface SummaryModel {
  meta: DocumentMeta;
  council: CouncilView;
  terms: Terms;
  header: HeaderView;
  board: { id: string; name: string };
  half: PeriodView;
  previous: PeriodView;
  /** Whether the data holds anything for the previous half-year to compare with. */
  hasPrevious: boolean;
  quarters: PeriodView[];
  figures: Figures;
  previousFigures: Figures;
  summary: string[];
  recommendations: { number: number; text: string }[];
  contacts: ContactView[];
  backgroundPapers: string[];
  introduction: Paragraph[];
  totals: { rows: ComparisonRow[]; intro: string };
  reach: {
    levelsNumber: string;
    levelsText: string;
    emptyLevels: string | undefined;
    levels: LevelRow[];
    paragraphs: Paragraph[];
    decisionRolesNumber: string;
    decisionRoles: { number: string; activity: string; role: string }[];
  };
  /** Who took part by group, council-wide, at the end of the reach section. */
  whoTookPart: WhoTookPartView;
  coverage: Coverage & {
    number: string;
    gaps: Paragraph[];
    gapsNumber: string;
    gapRows: { committee: string; list: string }[];
  };
  progress: RecommendationView[];
  returns: Paragraph[];
  asked: { intro: string; rows: AskAnswer[] };
  open: { number: string; rows: OpenCommitment[] };
  highlights: HighlightView[];
  money: { number: string; rows: MoneyRow[]; total: MoneyRow };
  /** The barriers of the half's last quarter. */
  barriers: { number: string; activity: string; committee: string; barrier: string; response: string }[];
  /** The last quarter, in words, whose barriers are listed. */
  barriersQuarter: string;
  /** How many barriers the first quarter had, in a numbered paragraph; undefined when none. */
  earlierBarriers: Paragraph | undefined;
  /** How a measure id reads, with one from Appendix 1. */
  measuresExample: { measure: string; position: number; item: number } | undefined;
  lookingAhead: Paragraph[];
  /** Appendix 1: for each item, the measures some activity served (with how many activities) and those none did. */
  measures: { label: string; served: string; quiet: string }[];
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

/** What the summary for `half` asks of the board: a pure function of the data up to the end of that half. */
function asksOf(lookup: Lookup, dataset: Dataset, half: Half, terms: Terms): BoardAsks {
  const { committees } = dataset.council;
  const quarters = quartersOfHalf(half).map((q) => periodView(q, lookup.startMonth));
  const coverage = coverageMatrix(
    lookup,
    committees,
    quarters.map((q) => q.id),
    terms,
  );
  const returns = missingReturnTexts(lookup, committees, quarters, terms).missing;
  return boardAsks(coverage, returns, openCommitments(lookup, committees, quarters[1]!.id, terms));
}

/**
 * The view model of the biannual summary to the board: a pure function of
 * the validated data up to the end of the half-year, council-wide.
 */
export function buildSummaryModel(
  dataset: Dataset,
  half: Half,
  options: SummaryOptions = {},
  lookup: Lookup = buildLookup(dataset),
): SummaryModel {
  const { board, committees } = dataset.council;
  const terms = termsOf(dataset);
  const sections = Object.fromEntries(SUMMARY_SECTIONS.map((name, i) => [name, i + 2])) as Record<
    SummarySection,
    number
  >;
  const start = lookup.startMonth;
  const period = halfView(half, start);
  const previous = halfView(previousHalf(half), start);
  const quarterList = quartersOfHalf(half);
  const quarters = quarterList.map((q) => periodView(q, start));
  const qIds = quarters.map((q) => q.id);
  const prevIds = quartersOfHalf(previousHalf(half)).map(formatQuarter);
  const hasPrevious = prevIds.some((q) => dataCovers(lookup, q));
  const refs = lookup.activities;
  const allDepartments = dataset.council.departments.map((d) => d.id);
  const figures = figuresFor(refs, qIds);
  const previousFigures = figuresFor(refs, prevIds);
  const subject = `Co-production biannual summary: ${period.words}`;

  const reached = reachOf(
    refs,
    [...lookup.groups.values()],
    qIds,
    prevIds,
    period.end,
    'half-year',
    terms.area,
    hasPrevious,
  );
  const reachParagraphs = numbered(sections.reach, reached.paragraphs, 2);
  const decisionRolesNumber = `${sections.reach}.${reachParagraphs.length + 2}`;
  const who = whoTookPart({
    dataset,
    refs,
    quarters: qIds,
    previousQuarters: prevIds,
    noun: 'half-year',
    hasPrevious,
    area: terms.area,
    section: sections.reach,
    from: reachParagraphs.length + 2 + (reached.decisionRoles.length > 0 ? 1 : 0),
  });
  const coverage = coverageMatrix(lookup, committees, qIds, terms);
  const progress = progressViews(lookup, {
    refs,
    departmentIds: allDepartments,
    quarters: qIds,
    previousQuarters: prevIds,
    noun: 'half-year',
    hasPrevious,
  });
  const returns = missingReturnTexts(lookup, committees, quarters, terms);
  const open = openCommitments(lookup, committees, qIds[1]!, terms);
  const asks = boardAsks(coverage, returns.missing, open);
  const active = activeIn(refs, qIds);
  const planned = plannedNext(refs, quarterList[1], start);
  const nextHalf = halfView(
    { year: half.number === 2 ? half.year + 1 : half.year, number: half.number === 2 ? 1 : 2 },
    start,
  );
  const gapsText = coverageGapTexts(coverage, period.words, terms);
  const gapsNumber = `${sections.coverage}.${gapsText.length + 2}`;

  const lastAsks = hasPrevious ? asksOf(lookup, dataset, previousHalf(half), terms) : undefined;
  const answers = lastAsks ? answerBoardAsks(lastAsks, lookup, committees, qIds, terms, period.words) : [];
  const askedIntro = !lastAsks
    ? `The data holds nothing for ${previous.words}, so there is no earlier summary to follow up.`
    : answers.length === 0
      ? `The summary for ${previous.words} asked the ${terms.board} only to note it.`
      : `The summary for ${previous.words} asked the ${terms.board} to seek the following. The answers are from the data for ${period.words}.`;

  const texts = {
    terms,
    boardName: board.name,
    half: period,
    previous,
    hasPrevious,
    quarters,
    committeeCount: committees.length,
    figures,
    previousFigures,
    sharedDecisions: reached.sharedDecisions,
    coverage,
    progress,
    open,
    missing: returns.missing,
    sections,
  };
  const barriers = halfBarriers(committees, active, quarters, sections.barriers, terms);
  const highlights = committeeHighlights(lookup, committees, qIds, prevIds, sections.highlights, terms, hasPrevious);
  return {
    meta: {
      title: `${board.name}: co-production biannual summary, ${period.words}`,
      subject,
      author: dataset.council.council.name,
      language: dataset.council.council.language,
      shortTitle: `${board.name}: biannual summary, ${period.words}`,
    },
    council: councilView(dataset),
    terms,
    header: {
      reportTo: board.name,
      ...meetingDate(options.date, meetingDateOf(board.meetings?.[period.id])),
      subject,
      author: officersOf([board.author]),
      director: officersOf([board.director]),
    },
    board: { id: board.id, name: board.name },
    half: period,
    previous,
    hasPrevious,
    quarters,
    figures,
    previousFigures,
    summary: summarySummary(texts),
    recommendations: [
      `That the ${terms.board} notes the summary of co-production reported to the ${terms.committeeTypePlural} for ${period.words}.`,
      ...boardAskTexts(asks, terms, period.words, { coverage: sections.coverage, open: sections.open }),
    ].map((text, i) => ({ number: i + 1, text })),
    contacts: [contactOf(board.author)],
    backgroundPapers: summaryBackgroundPapers(dataset, quarters, terms),
    introduction: numbered(1, summaryIntroduction(texts)),
    totals: {
      rows: comparisonRows(lookup, figures, previousFigures, reached, qIds, prevIds),
      intro: hasPrevious
        ? `The figures for ${period.words}, council-wide, against ${previous.words}:`
        : `The figures for ${period.words}, council-wide. The data holds nothing for ${previous.words}, so there is no comparison.`,
    },
    reach: {
      levelsNumber: `${sections.reach}.1`,
      levelsText: reached.levelsText,
      emptyLevels: reached.emptyLevels,
      levels: reached.levels,
      paragraphs: reachParagraphs,
      decisionRolesNumber,
      decisionRoles: reached.decisionRoles.map((d, i) => ({ number: `${decisionRolesNumber}.${i + 1}`, ...d })),
    },
    whoTookPart: who,
    coverage: {
      ...coverage,
      number: `${sections.coverage}.1`,
      gaps: numbered(sections.coverage, gapsText, 2),
      gapsNumber,
      gapRows: [
        ...coverage.committeeGaps.map((g) => ({ committee: g.committee, list: g.list })),
        ...coverage.idle.map((i) => ({ committee: i.committee, list: 'All: no activity reported' })),
      ],
    },
    progress,
    returns: numbered(sections.returns, returns.texts),
    asked: { intro: askedIntro, rows: answers },
    open: { number: `${sections.open}.1`, rows: open },
    highlights,
    money: {
      number: `${sections.resources}.1`,
      rows: coverage.rows.map((c, i) =>
        moneyRow(c.shortName, figuresFor(activitiesOf(lookup, committees[i]!.departments), qIds)),
      ),
      total: moneyRow('All activity (each activity counted once)', figures),
    },
    barriers: barriers.rows,
    barriersQuarter: quarters[1]!.words,
    earlierBarriers: barriers.earlier
      ? { number: `${sections.barriers}.${Math.max(barriers.rows.length, 1) + 1}`, text: barriers.earlier }
      : undefined,
    measuresExample: measureExample(progress),
    lookingAhead: numbered(
      sections.lookingAhead,
      summaryLookingAhead({
        planned: planned.length,
        next: periodView(nextQuarter(quarterList[1]), start),
        nextHalf,
        nextMeeting: meetingDateOf(board.meetings?.[nextHalf.id]),
        boardName: board.name,
        terms,
      }),
    ),
    measures: progress.map((p) => ({
      label: `${p.number}. ${p.title}`,
      served:
        p.measureCount === 0
          ? `No numbered measures; ${plural(p.activities, 'activity', 'activities')}`
          : p.measures.map((m) => `${m.id} (${m.activities})`).join(', ') || 'None',
      quiet: p.quietMeasures || 'None',
    })),
    sections,
  };
}
