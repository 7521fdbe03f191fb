import { nextQuarter, previousQuarter, type Quarter } from '../periods/periods.js';
import type { Dataset } from '../validate/dataset.js';
import { contactsOf, councilView, meetingDate, numbered, periodView, rolesOf, type ContactView, type CouncilView, type DocumentMeta, type HeaderView, type Paragraph, type PeriodView } from './common.js';
import { activeIn, figuresFor, type Figures } from './figures.js';
import { followUpRows, plannedNext, type FollowUpRow, type PlannedView } from './follow-up.js';
import { activitiesOf, buildLookup, updateFor, type Lookup } from './lookup.js';
import { moneyByRecommendation, progressViews, type MoneyRow, type RecommendationView } from './progress.js';
import { followUpTally, quarterlyIntroduction, quarterlyLookingAhead, quarterlyRecommendations, quarterlySummary } from './quarterly-text.js';
import { barrierParagraphs, groupSections, type GroupSection } from './quarterly-sections.js';
import { listInWords, plural, shortCommitteeName } from './words.js';
import { departmentsWithoutReturn, groupsOf, reachOf, type ReachView } from './reach.js';

// The view types templates are written against, in one place.
export type { ActivityView, GroupSection } from './quarterly-sections.js';
export type { PeriodView } from './common.js';
export type { MoneyRow, RecommendationView } from './progress.js';

/** The numbered sections of the detailed analysis, in print order (1 is the introduction). */
export const QUARTERLY_SECTIONS = ['activity', 'reach', 'followUp', 'planned', 'progress', 'resources', 'barriers', 'lookingAhead'] as const;
/** The name of a numbered section of the quarterly update. */
export type QuarterlySection = (typeof QUARTERLY_SECTIONS)[number];

/** Everything the PAC quarterly update prints. */
export interface QuarterlyModel {
  meta: DocumentMeta;
  council: CouncilView;
  header: HeaderView;
  committee: { id: string; name: string };
  departments: string[];
  period: PeriodView;
  previous: PeriodView;
  next: PeriodView;
  figures: Figures;
  summary: string[];
  recommendations: { number: number; text: string }[];
  contacts: ContactView[];
  backgroundPapers: string[];
  introduction: Paragraph[];
  groups: GroupSection[];
  /** Paragraph number of the "you said, we did" table, after the groups. */
  outcomesNumber: string;
  outcomes: { activity: string; youSaid: string; weDid: string }[];
  reach: Omit<ReachView, 'paragraphs' | 'decisionRoles'> & {
    levelsNumber: string;
    paragraphs: Paragraph[];
    decisionRolesNumber: string;
    decisionRoles: { number: string; activity: string; role: string }[];
    noReturn: Paragraph | undefined;
  };
  followUps: FollowUpRow[];
  /** The paragraph above the follow-up table, with how the plans went. */
  followUpIntro: string;
  planned: PlannedView[];
  progress: RecommendationView[];
  money: { rows: MoneyRow[]; total: MoneyRow };
  barriers: { number: string; activity: string; barrier: string; response: string }[];
  lookingAhead: Paragraph[];
  sections: Record<QuarterlySection, number>;
}

/** Options of the quarterly update that do not come from the data. */
export interface QuarterlyOptions {
  /** Meeting date (ISO) given on the command line, overriding the calendar. */
  date?: string;
}

/**
 * The view model of one committee's quarterly update: a pure function of the
 * validated data, the quarter and the committee.
 */
export function buildQuarterlyModel(dataset: Dataset, quarter: Quarter, committeeId: string, options: QuarterlyOptions = {}, lookup: Lookup = buildLookup(dataset)): QuarterlyModel {
  const committee = dataset.council.committees.find((c) => c.id === committeeId);
  if (!committee) throw new Error(`unknown committee ${committeeId}`);
  const sections = Object.fromEntries(QUARTERLY_SECTIONS.map((name, i) => [name, i + 2])) as Record<QuarterlySection, number>;
  const period = periodView(quarter, lookup.startMonth);
  const previous = periodView(previousQuarter(quarter), lookup.startMonth);
  const next = periodView(nextQuarter(quarter), lookup.startMonth);
  const departments = committee.departments.map((id) => lookup.departments.get(id)).filter((d) => d !== undefined);
  const refs = activitiesOf(lookup, committee.departments);
  const active = activeIn(refs, [period.id]);
  const figures = figuresFor(refs, [period.id]);
  const subject = `Co-production quarterly update: ${period.words}`;

  const groups = groupSections(active, period.id, sections.activity);
  const outcomes = active.flatMap((r) => updateFor(r.activity, period.id)!.outcomes.map((o) => ({ activity: r.activity.title, ...o })));
  const followUps = followUpRows(refs, quarter, lookup.startMonth);
  const planned = plannedNext(refs, quarter, lookup.startMonth).map((p, i) => ({ ...p, number: `${sections.planned}.${i + 1}` }));
  const progress = progressViews(lookup, { refs, departmentIds: committee.departments, quarters: [period.id], previousQuarters: [previous.id], noun: 'quarter' });
  progress.forEach((p, i) => (p.paragraph = `${sections.progress}.${i + 2}`));
  const silent = departmentsWithoutReturn(lookup, committee.departments, period.id).map((d) => d.name);

  const reached = reachOf(refs, groupsOf(lookup, committee.departments), [period.id], [previous.id], period.end, 'quarter');
  const reachParagraphs = numbered(sections.reach, reached.paragraphs, 2);
  const afterParagraphs = reachParagraphs.length + 2;
  const noReturnText = silent.length > 0 ? `No update was received from ${listInWords(silent)} for ${period.words}, so ${silent.length === 1 ? 'its' : 'their'} co-production, if any, is not reported here.` : undefined;
  const decisionRolesNumber = `${sections.reach}.${afterParagraphs}`;
  const reach = {
    ...reached,
    levelsNumber: `${sections.reach}.1`,
    paragraphs: reachParagraphs,
    decisionRolesNumber,
    decisionRoles: reached.decisionRoles.map((d, i) => ({ number: `${decisionRolesNumber}.${i + 1}`, ...d })),
    noReturn: noReturnText ? { number: `${sections.reach}.${afterParagraphs + (reached.decisionRoles.length > 0 ? 1 : 0)}`, text: noReturnText } : undefined,
  };

  const texts = { departments: departments.map((d) => d.name), silent, period, previous, next, figures, reach: reached, followUps, planned, progress, sections };
  return {
    meta: {
      // The committee leads the title, so papers stay distinct in a Board pack's contents.
      title: `${shortCommitteeName(committee.name)}: co-production quarterly update, ${period.words}`,
      subject,
      author: dataset.council.council.name,
      language: dataset.council.council.language,
      shortTitle: `${shortCommitteeName(committee.name)}: quarterly update, ${period.words}`,
    },
    council: councilView(dataset),
    header: {
      reportTo: committee.name,
      ...meetingDate(options.date, committee.meetings?.[period.id]),
      subject,
      author: rolesOf(departments.map((d) => d.author)),
      director: rolesOf(departments.map((d) => d.director)),
    },
    committee: { id: committee.id, name: committee.name },
    departments: departments.map((d) => d.name),
    period,
    previous,
    next,
    figures,
    summary: quarterlySummary(texts),
    recommendations: quarterlyRecommendations(texts).map((text, i) => ({ number: i + 1, text })),
    contacts: contactsOf(lookup, committee.departments),
    backgroundPapers: dataset.council.backgroundPapers,
    introduction: numbered(1, quarterlyIntroduction(texts)),
    groups,
    outcomesNumber: `${sections.activity}.${groups.length + 1}`,
    outcomes,
    reach,
    followUps,
    followUpIntro: `The update for ${previous.words} made plans for ${period.words} for ${plural(followUps.length, 'activity', 'activities')}. How ${followUps.length === 1 ? 'it' : 'they'} went: ${followUpTally(followUps)}. The table gives each plan, what happened and why.`,
    planned,
    progress,
    money: moneyByRecommendation(lookup, refs, [period.id]),
    barriers: barrierParagraphs(active, period.id, sections.barriers),
    lookingAhead: numbered(sections.lookingAhead, quarterlyLookingAhead(texts)),
    sections,
  };
}
