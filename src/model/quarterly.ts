import { formatQuarter, nextQuarter, previousQuarter, quarterRange, ukDate, type Quarter } from '../periods/periods.js';
import type { Rag } from '../schema/activities.js';
import type { Dataset } from '../validate/dataset.js';
import { contactsOf, councilView, rolesOf, type ContactView, type CouncilView, type DocumentMeta } from './common.js';
import { figuresFor, recommendationStatus, directionOfTravel, type Figures } from './figures.js';
import { followUpRows, plannedNext, type FollowUpRow, type PlannedView } from './follow-up.js';
import { activitiesOf, buildLookup, updateFor, type ActivityRef, type Lookup } from './lookup.js';
import { quarterlyRecommendations, quarterlySummary } from './quarterly-text.js';
import { LEVEL_WORDS, STAGE_WORDS, STATUS_WORDS } from './words.js';

export interface PeriodView {
  id: string;
  words: string;
  start: string;
  end: string;
}

export interface ActivityView {
  id: string;
  title: string;
  description: string | undefined;
  department: string;
  level: string;
  stage: string;
  status: string;
  summary: string;
  residents: number;
  coChairs: number;
  rag: Rag | undefined;
  outcomes: { youSaid: string; weDid: string }[];
}

export interface GroupSection {
  /** Paragraph number, e.g. "2.3". */
  number: string;
  name: string;
  department: string;
  coChaired: boolean;
  host: string;
  activities: (ActivityView & { number: string })[];
}

export interface RecommendationView {
  number: number;
  paragraph: string;
  title: string;
  plainTitle: string;
  aim: string;
  measures: { id: string; text: string; activities: number; activityTitles: string }[];
  activities: number;
  residents: number;
  status: string;
  rag: Rag | undefined;
  direction: string;
  narratives: { department: string; text: string }[];
  activityTitles: string[];
  /** Titles joined for a table cell. */
  activityList: string;
}

export interface MoneyRow {
  label: string;
  accessCosts: number;
  participationFees: number;
  spend: number;
  total: number;
}

/** Everything the PAC quarterly update prints. */
export interface QuarterlyModel {
  meta: DocumentMeta;
  council: CouncilView;
  header: { reportTo: string; date: string; dateConfirmed: boolean; subject: string; author: string; director: string };
  committee: { id: string; name: string };
  departments: string[];
  period: PeriodView;
  previous: PeriodView;
  next: PeriodView;
  figures: Figures;
  summary: string[];
  recommendations: { number: number; text: string }[];
  contacts: ContactView[];
  groups: GroupSection[];
  outcomes: { activity: string; youSaid: string; weDid: string }[];
  followUps: FollowUpRow[];
  planned: PlannedView[];
  progress: RecommendationView[];
  money: { rows: MoneyRow[]; total: MoneyRow };
  barriers: { activity: string; barrier: string; response: string }[];
  lookingAhead: { number: string; text: string }[];
  sections: { activity: number; followUp: number; planned: number; progress: number; resources: number; barriers: number; lookingAhead: number };
}

export interface QuarterlyOptions {
  /** Meeting date (ISO) given on the command line, overriding the calendar. */
  date?: string;
}

export function periodView(q: Quarter, startMonth: number): PeriodView {
  const range = quarterRange(q, startMonth);
  return { id: formatQuarter(q), words: range.words, start: range.start, end: range.end };
}

/**
 * The view model of one committee's quarterly update: a pure function of the
 * validated data, the quarter and the committee.
 */
export function buildQuarterlyModel(dataset: Dataset, quarter: Quarter, committeeId: string, options: QuarterlyOptions = {}, lookup: Lookup = buildLookup(dataset)): QuarterlyModel {
  const committee = dataset.council.committees.find((c) => c.id === committeeId);
  if (!committee) throw new Error(`unknown committee ${committeeId}`);
  const period = periodView(quarter, lookup.startMonth);
  const previous = periodView(previousQuarter(quarter), lookup.startMonth);
  const next = periodView(nextQuarter(quarter), lookup.startMonth);
  const departments = committee.departments.map((id) => lookup.departments.get(id)).filter((d) => d !== undefined);
  const refs = activitiesOf(lookup, committee.departments);
  const active = refs.filter((r) => updateFor(r.activity, period.id));
  const figures = figuresFor(refs, [period.id]);
  const meetingDate = options.date ?? committee.meetings?.[period.id];
  const subject = `Co-production quarterly update: ${period.words}`;

  const groups = groupSections(active, period.id);
  const followUps = followUpRows(refs, quarter, lookup.startMonth);
  const planned = plannedNext(refs, quarter, lookup.startMonth);
  const progress = progressViews(lookup, refs, committee.departments, quarter);
  const money = moneyRows(lookup, refs, period.id);
  const barriers = active.flatMap((r) => updateFor(r.activity, period.id)!.barriers.map((b) => ({ activity: r.activity.title, ...b })));
  const outcomes = active.flatMap((r) => updateFor(r.activity, period.id)!.outcomes.map((o) => ({ activity: r.activity.title, ...o })));

  // Numbered sections of the detailed analysis, in print order (1 is the introduction).
  const sections = { activity: 2, followUp: 3, planned: 4, progress: 5, resources: 6, barriers: 7, lookingAhead: 8 };
  groups.forEach((g, i) => {
    g.number = `${sections.activity}.${i + 1}`;
    g.activities.forEach((a, j) => (a.number = `${g.number}.${j + 1}`));
  });
  progress.forEach((p, i) => (p.paragraph = `${sections.progress}.${i + 1}`));

  const texts = { committee: committee.name, departments: departments.map((d) => d.name), period, previous, next, figures, followUps, planned, progress };
  return {
    meta: {
      title: `${subject}: ${committee.name}`,
      subject,
      author: dataset.council.council.name,
      language: dataset.council.council.language,
      shortTitle: `${committee.name}: ${subject}`,
    },
    council: councilView(dataset),
    header: {
      reportTo: committee.name,
      date: meetingDate ? ukDate(meetingDate) : 'Date to be confirmed',
      dateConfirmed: meetingDate !== undefined,
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
    groups,
    outcomes,
    followUps,
    planned,
    progress,
    money,
    barriers,
    lookingAhead: lookingAhead(texts).map((text, i) => ({ number: `${sections.lookingAhead}.${i + 1}`, text })),
    sections,
  };
}

function activityView(ref: ActivityRef, quarter: string): ActivityView {
  const u = updateFor(ref.activity, quarter)!;
  const a = ref.activity;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    department: ref.department.name,
    level: LEVEL_WORDS[a.level],
    stage: STAGE_WORDS[a.stage],
    status: STATUS_WORDS[a.status],
    summary: u.summary,
    residents: u.residents,
    coChairs: u.coChairs,
    rag: u.rag,
    outcomes: u.outcomes,
  };
}

/** Activity in the quarter, by co-production group (groups in council order), then activity outside any group by department. */
function groupSections(active: ActivityRef[], quarter: string): GroupSection[] {
  const sections = new Map<string, GroupSection>();
  for (const ref of active) {
    const key = ref.group ? `group:${ref.group.id}` : `dept:${ref.department.id}`;
    let section = sections.get(key);
    if (!section) {
      section = ref.group
        ? { number: '', name: ref.group.name, department: ref.department.name, coChaired: ref.group.residentCoChair, host: ref.group.host, activities: [] }
        : { number: '', name: `${ref.department.name}: activity outside a standing group`, department: ref.department.name, coChaired: false, host: '', activities: [] };
      sections.set(key, section);
    }
    section.activities.push({ ...activityView(ref, quarter), number: '' });
  }
  const grouped = [...sections.entries()];
  grouped.sort(([a], [b]) => (a.startsWith('group:') === b.startsWith('group:') ? 0 : a.startsWith('group:') ? -1 : 1));
  return grouped.map(([, s]) => s);
}

function progressViews(lookup: Lookup, refs: ActivityRef[], departmentIds: string[], quarter: Quarter): RecommendationView[] {
  const q = formatQuarter(quarter);
  const prev = formatQuarter(previousQuarter(quarter));
  return lookup.recommendations.map((rec) => {
    const current = recommendationStatus(lookup, refs, departmentIds, rec.number, q);
    const before = recommendationStatus(lookup, refs, departmentIds, rec.number, prev);
    const serving = refs.filter((r) => r.serves.includes(rec.number) && updateFor(r.activity, q));
    return {
      number: rec.number,
      paragraph: '',
      title: rec.title,
      plainTitle: rec.plainTitle,
      aim: rec.aim,
      measures: rec.measures.map((m) => {
        const titles = serving.filter((r) => r.activity.measures.includes(m.id)).map((r) => r.activity.title);
        return { id: m.id, text: m.text, activities: titles.length, activityTitles: titles.join('; ') || 'None this quarter' };
      }),
      activities: current.activities,
      residents: current.residents,
      status: current.status,
      rag: current.rag,
      direction: directionOfTravel(current, before),
      narratives: lookup.assessments
        .filter((a) => a.quarter === q && a.recommendation === rec.number && departmentIds.includes(a.department))
        .map((a) => ({ department: lookup.departments.get(a.department)!.name, text: a.narrative })),
      activityTitles: serving.map((r) => r.activity.title),
      activityList: serving.map((r) => r.activity.title).join('; ') || 'None this quarter',
    };
  });
}

function moneyRows(lookup: Lookup, refs: ActivityRef[], quarter: string): { rows: MoneyRow[]; total: MoneyRow } {
  const row = (label: string, f: Figures): MoneyRow => ({ label, accessCosts: f.accessCosts, participationFees: f.participationFees, spend: f.spend, total: f.total });
  const rows = lookup.recommendations.map((rec) => row(`${rec.number}. ${rec.title}`, figuresFor(refs.filter((r) => r.serves.includes(rec.number)), [quarter])));
  return { rows, total: row('All activity (each activity counted once)', figuresFor(refs, [quarter])) };
}

function lookingAhead(t: Parameters<typeof quarterlySummary>[0]): string[] {
  const out = [`In ${t.next.words} the departments plan ${t.planned.length === 1 ? 'one piece' : `${t.planned.length} pieces`} of co-production work, listed in section 4.`];
  const gaps = t.progress.filter((p) => p.activities === 0);
  if (gaps.length > 0) {
    out.push(`The departments will look for ways to contribute to ${gaps.length === 1 ? 'recommendation' : 'recommendations'} ${gaps.map((g) => g.number).join(', ')}, which had no activity this quarter.`);
  }
  const missed = t.followUps.filter((f) => f.result === 'not-followed-up');
  if (missed.length > 0) {
    out.push(`The next update will report on ${missed.length === 1 ? 'the plan' : `the ${missed.length} plans`} made for this quarter that ${missed.length === 1 ? 'was' : 'were'} not followed up.`);
  }
  return out;
}
