import { nextQuarter, previousQuarter, ukDate, type Quarter } from '../periods/periods.js';
import type { Dataset } from '../validate/dataset.js';
import { answerAsks, askText, dataCovers, quarterlyAsks, silentDepartments, type AskAnswer } from './asks.js';
import {
  contactsOf,
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
import { followUpRows, openPlans, plannedNext, type FollowUpRow, type PlannedView } from './follow-up.js';
import { activitiesOf, buildLookup, updateFor, type Lookup } from './lookup.js';
import {
  measureAppendix,
  moneyRow,
  progressViews,
  type MeasureRow,
  type MoneyRow,
  type RecommendationView,
} from './progress.js';
import { followUpTally, quarterlyIntroduction, quarterlyLookingAhead, quarterlySummary } from './quarterly-text.js';
import { barrierParagraphs, groupSections, type GroupSection } from './quarterly-sections.js';
import { groupsOf, reachOf, type ReachView } from './reach.js';
import { itemNumbers, shortCommitteeName, termsOf, type Terms } from './terms.js';
import { whoTookPart, type WhoTookPartView } from './who-took-part.js';
import { formatMoney, leadingCount, listInWords } from './words.js';

// The view types templates are written against, in one place.
export type { ActivityView, GroupSection } from './quarterly-sections.js';
export type { PeriodView } from './common.js';
export type { MoneyRow, RecommendationView } from './progress.js';

/** The numbered sections of the detailed analysis, in print order (1 is the introduction). */
export const QUARTERLY_SECTIONS = [
  'activity',
  'reach',
  'asked',
  'followUp',
  'planned',
  'progress',
  'resources',
  'barriers',
  'lookingAhead',
] as const;
/** The name of a numbered section of the quarterly update. */
export type QuarterlySection = (typeof QUARTERLY_SECTIONS)[number];

/** Everything a committee's quarterly update prints. */
export interface QuarterlyModel {
  meta: DocumentMeta;
  council: CouncilView;
  terms: Terms;
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
  /** Who took part by group (impairment, age, how they took part), at the end of the reach section. */
  whoTookPart: WhoTookPartView;
  /** What the last update asked of the committee, and the answers; the paragraph above them. */
  asked: { intro: string; rows: AskAnswer[] };
  followUps: FollowUpRow[];
  /** The paragraph above the follow-up table, with how the plans went. */
  followUpIntro: string;
  planned: PlannedView[];
  progress: RecommendationView[];
  /** The items with no activity and no assessment in the quarter, in one paragraph; undefined when none. */
  progressQuiet: Paragraph | undefined;
  /** The appendix: the measures some activity served, and the ids of those none did. */
  measures: {
    rows: MeasureRow[];
    quiet: string;
    example: { measure: string; position: number; item: number } | undefined;
  };
  /** Resourcing: every activity counted once, the kinds of cost with any spending in words, and where the most went. */
  money: { total: MoneyRow; parts: string; top: string | undefined };
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
 * validated data up to the quarter, the quarter and the committee.
 */
export function buildQuarterlyModel(
  dataset: Dataset,
  quarter: Quarter,
  committeeId: string,
  options: QuarterlyOptions = {},
  lookup: Lookup = buildLookup(dataset),
): QuarterlyModel {
  const committee = dataset.council.committees.find((c) => c.id === committeeId);
  if (!committee) throw new Error(`unknown committee ${committeeId}`);
  const terms = termsOf(dataset);
  const sections = Object.fromEntries(QUARTERLY_SECTIONS.map((name, i) => [name, i + 2])) as Record<
    QuarterlySection,
    number
  >;
  const period = periodView(quarter, lookup.startMonth);
  const previous = periodView(previousQuarter(quarter), lookup.startMonth);
  const next = periodView(nextQuarter(quarter), lookup.startMonth);
  const departments = committee.departments.map((id) => lookup.departments.get(id)).filter((d) => d !== undefined);
  const refs = activitiesOf(lookup, committee.departments);
  const active = activeIn(refs, [period.id]);
  const figures = figuresFor(refs, [period.id]);
  const subject = `Co-production quarterly update: ${period.words}`;
  const short = shortCommitteeName(committee.name, terms);

  const groups = groupSections(active, period.id, sections.activity, terms, dataset.council.council.name);
  const outcomes = active.flatMap((r) =>
    updateFor(r.activity, period.id)!.outcomes.map((o) => ({ activity: r.activity.title, ...o })),
  );
  const followUps = followUpRows(refs, quarter, lookup.startMonth);
  const planned = plannedNext(refs, quarter, lookup.startMonth).map((p, i) => ({
    ...p,
    number: `${sections.planned}.${i + 1}`,
  }));
  const hasPrevious = dataCovers(lookup, previous.id);
  const progress = progressViews(lookup, {
    refs,
    departmentIds: committee.departments,
    quarters: [period.id],
    previousQuarters: [previous.id],
    noun: 'quarter',
    hasPrevious,
  });
  // An item with activity now or last quarter, or a department's assessment, gets its paragraph: a fall to none is news too.
  const spoken = progress.filter((p) => p.activities > 0 || p.previousActivities > 0 || p.narratives.length > 0);
  spoken.forEach((p, i) => (p.paragraph = `${sections.progress}.${i + 2}`));
  const quiet = progress.filter((p) => !spoken.includes(p)).map((p) => p.number);
  const silent = silentDepartments(lookup, committee.departments, period.id).map((d) => d.name);

  const reached = reachOf(
    refs,
    groupsOf(lookup, committee.departments),
    [period.id],
    [previous.id],
    period.end,
    'quarter',
    terms.area,
    hasPrevious,
  );
  const reachParagraphs = numbered(sections.reach, reached.paragraphs, 2);
  const afterParagraphs = reachParagraphs.length + 2;
  const noReturnText =
    silent.length > 0
      ? `No update was received from ${listInWords(silent)} for ${period.words}, so ${silent.length === 1 ? 'its' : 'their'} co-production, if any, is not reported here.`
      : undefined;
  const decisionRolesNumber = `${sections.reach}.${afterParagraphs}`;
  const reach = {
    ...reached,
    levelsNumber: `${sections.reach}.1`,
    paragraphs: reachParagraphs,
    decisionRolesNumber,
    decisionRoles: reached.decisionRoles.map((d, i) => ({ number: `${decisionRolesNumber}.${i + 1}`, ...d })),
    noReturn: noReturnText
      ? {
          number: `${sections.reach}.${afterParagraphs + (reached.decisionRoles.length > 0 ? 1 : 0)}`,
          text: noReturnText,
        }
      : undefined,
  };

  const whoFrom = afterParagraphs + (reached.decisionRoles.length > 0 ? 1 : 0) + (noReturnText ? 1 : 0);
  const who = whoTookPart({
    dataset,
    refs,
    quarters: [period.id],
    previousQuarters: [previous.id],
    noun: 'quarter',
    hasPrevious,
    area: terms.area,
    section: sections.reach,
    from: whoFrom,
  });

  const asks = quarterlyAsks(lookup, refs, committee.departments, quarter);
  const lastAsks = hasPrevious ? quarterlyAsks(lookup, refs, committee.departments, previousQuarter(quarter)) : [];
  const answers = answerAsks(lastAsks, lookup, refs, period.id, terms, sections.followUp);
  const askedIntro = !hasPrevious
    ? `The data holds no update for ${previous.words}, so there is nothing from it to follow up.`
    : answers.length === 0
      ? `The update for ${previous.words} asked the ${terms.committee} only to note it.`
      : `The update for ${previous.words} asked the ${terms.committee} to seek the following; the answers are from this quarter's data.`;

  const spending = active
    .map((r) => ({ title: r.activity.title, total: figuresFor([r], [period.id]).total }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total);
  const top = spending.length > 1 ? spending[0] : undefined;
  const nextMeeting = committee.meetings?.[next.id];
  const stillOpen = openPlans(refs, period.id).length;
  const texts = {
    terms,
    departments: departments.map((d) => d.name),
    silent,
    period,
    previous,
    next,
    figures,
    reach: reached,
    followUps,
    planned,
    progress,
    openPlans: stillOpen,
    nextMeeting: nextMeeting ? ukDate(nextMeeting) : undefined,
    sections,
  };
  return {
    meta: {
      // The committee leads the title, so papers stay distinct in a Board pack's contents.
      title: `${short}: co-production quarterly update, ${period.words}`,
      subject,
      author: dataset.council.council.name,
      language: dataset.council.council.language,
      shortTitle: `${short}: quarterly update, ${period.words}`,
    },
    council: councilView(dataset),
    terms,
    header: {
      reportTo: committee.name,
      ...meetingDate(options.date, committee.meetings?.[period.id]),
      subject,
      author: officersOf(departments.map((d) => d.author)),
      director: officersOf(departments.map((d) => d.director)),
    },
    committee: { id: committee.id, name: committee.name },
    departments: departments.map((d) => d.name),
    period,
    previous,
    next,
    figures,
    summary: quarterlySummary(texts),
    recommendations: [
      `That the ${terms.committee} notes the co-production activity reported for ${period.words} and planned for ${next.words}.`,
      `That the ${terms.committee} notes progress against ${terms.framework}.`,
      ...asks.map((a) => askText(a, terms, lookup.startMonth)),
    ].map((text, i) => ({ number: i + 1, text })),
    contacts: contactsOf(lookup, committee.departments),
    backgroundPapers: dataset.council.backgroundPapers,
    introduction: numbered(1, quarterlyIntroduction(texts)),
    groups,
    outcomesNumber: `${sections.activity}.${Math.max(groups.length, 1) + 1}`,
    outcomes,
    reach,
    whoTookPart: who,
    asked: { intro: askedIntro, rows: answers },
    followUps,
    followUpIntro: `${leadingCount(followUps.length, 'plan')} from earlier updates ${followUps.length === 1 ? 'was' : 'were'} due by ${period.words}. How ${followUps.length === 1 ? 'it' : 'they'} went: ${followUpTally(followUps)}. A plan stays open until an update says how it went.`,
    planned,
    progress: spoken,
    progressQuiet:
      quiet.length > 0
        ? {
            number: `${sections.progress}.${spoken.length + 2}`,
            text: `No activity served ${itemNumbers(terms, quiet)} in ${period.words} or ${previous.words}, and no department assessed ${quiet.length === 1 ? 'it' : 'them'}.`,
          }
        : undefined,
    measures: measureAppendix(progress, true, (title) => `${title} (this ${terms.item} has no numbered measures)`),
    money: {
      total: moneyRow('All activity', figures),
      parts: listInWords(
        (
          [
            ['access costs met', figures.accessCosts],
            ['participation fees paid to residents', figures.participationFees],
            ['other spend', figures.spend],
          ] as const
        )
          .filter(([, amount]) => amount > 0)
          .map(([what, amount]) => `${what} ${formatMoney(amount)}`),
      ),
      top: top ? `The most, ${formatMoney(top.total)}, went to ${top.title}.` : undefined,
    },
    barriers: barrierParagraphs(active, period.id, sections.barriers),
    lookingAhead: numbered(sections.lookingAhead, quarterlyLookingAhead(texts)),
    sections,
  };
}
