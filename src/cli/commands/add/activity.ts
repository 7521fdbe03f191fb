import type { Addition } from '../../../edit/department-file.js';
import { UsageError } from '../../../errors.js';
import { readDate, readIdentifier, readText, type Read } from '../../../prompt/checks.js';
import { LEVELS, STAGES } from '../../../schema/activities.js';
import type { Department } from '../../../schema/council.js';
import type { Dataset } from '../../../validate/dataset.js';
import { idFromName } from '../../../edit/scaffold.js';
import { chooseDepartment } from './choose.js';
import { extraFields } from './update.js';
import { listValues, type Collector } from './values.js';

/** What `coprod add activity` will add, and to which department. */
export interface PlannedActivity {
  department: Department;
  addition: Extract<Addition, { kind: 'activity' }>;
}

/** The flags `coprod add activity` needs when nobody can be asked. */
export const ACTIVITY_REQUIRED =
  '--department ID --title TEXT --recommendation N --stage STAGE --level LEVEL --start YYYY-MM-DD';

/** What each level of involvement means, shown while choosing. */
const LEVEL_WORDS: Record<(typeof LEVELS)[number], string> = {
  informing: 'telling residents about decisions already made',
  consultation: "asking residents for views on the council's proposals",
  engagement: 'working with residents on issues, the council still decides',
  'co-design': 'designing with residents, who shape the options',
  'co-production': 'residents and decision makers plan, design and decide together',
};

/**
 * Gathers a new activity: department, title and id, group, the
 * recommendations and measures it serves (chosen by title), its starting
 * stage and level, and dates, each checked as given or typed. No status: a
 * new activity is planned until its first update, which records its status.
 * Returns undefined when values are missing (they are listed on the collector).
 */
export async function planActivity(
  dataset: Dataset,
  collector: Collector,
  given: { department?: string },
): Promise<PlannedActivity | undefined> {
  const department = await chooseDepartment(dataset, collector, given.department);
  const taken = dataset.departments.flatMap((d) => d.activities.map((a) => a.id));
  const title = await collector.value({
    key: 'title',
    flag: '--title TEXT',
    required: true,
    message: 'Title of the activity',
    read: readText,
  });
  const suggested = title === undefined ? undefined : newId(title, department, taken);
  const id =
    collector.has('id') || collector.asks(false)
      ? await collector.value({
          key: 'id',
          flag: '--id ID',
          required: true,
          message: 'A short id for it (used to add updates later)',
          ...(suggested ? { default: suggested } : {}),
          read: unusedId(taken),
        })
      : suggested;
  const description = await collector.value({
    key: 'description',
    flag: '--description TEXT',
    required: false,
    message: 'Description (leave empty to skip)',
    read: readText,
  });
  const group = await chooseGroup(dataset, collector, department);
  const recommendations = await chooseRecommendations(dataset, collector);
  const measures = await chooseMeasures(dataset, collector, recommendations ?? []);
  if (recommendations === undefined || (recommendations.length === 0 && measures.length === 0))
    collector.missing.push('--recommendation N (or --measure N.M)');
  const stage = await collector.choice({
    key: 'stage',
    flag: '--stage STAGE',
    required: true,
    message: 'Stage (when it starts)',
    choices: STAGES.map((s) => ({ name: s, value: s })),
  });
  const level = await collector.choice({
    key: 'level',
    flag: '--level LEVEL',
    required: true,
    message: 'Level of involvement (when it starts)',
    choices: LEVELS.map((l) => ({ name: l, value: l, description: LEVEL_WORDS[l] })),
  });
  const decisionRole =
    level === 'co-production' || collector.has('decisionRole')
      ? await collector.value({
          key: 'decisionRole',
          flag: '--decision-role TEXT',
          required: false,
          message: 'What do residents decide or sign off? (leave empty if nothing yet)',
          read: readText,
        })
      : undefined;
  const start = await collector.value({
    key: 'start',
    flag: '--start YYYY-MM-DD',
    required: true,
    message: 'Start date (YYYY-MM-DD)',
    read: readDate,
  });
  const end = await collector.value({
    key: 'end',
    flag: '--end YYYY-MM-DD',
    required: false,
    message: 'End date (YYYY-MM-DD; leave empty if ongoing)',
    read: notBefore(start),
  });
  const wards =
    listValues(collector.raw('wards')) ??
    (collector.asks(false)
      ? listValues(await collector.prompts!.input({ message: 'Wards, separated by commas (leave empty for all)' }))
      : undefined);
  if (!department || !title || !id || !recommendations || !stage || !level || !start) return undefined;

  const activity = {
    id,
    title,
    description,
    group,
    recommendations: recommendations.length > 0 ? recommendations : undefined,
    measures: measures.length > 0 ? measures : undefined,
    stage,
    level,
    decisionRole,
    start,
    end,
    wards: wards?.length ? wards : undefined,
  };
  return {
    department,
    addition: { kind: 'activity', activity: { ...activity, ...extraFields(collector, Object.keys(activity)) } },
  };
}

/** An id made from the title, prefixed by the department's, not yet used anywhere. */
function newId(title: string, department: Department | undefined, taken: readonly string[]): string {
  const prefix = department ? `${department.id.split('-')[0]}-` : '';
  const base = `${prefix}${idFromName(title)}`.slice(0, 60).replace(/-+$/, '');
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

function unusedId(taken: readonly string[]): (text: string) => Read<string> {
  return (text) => {
    const read = readIdentifier(text);
    return read.ok && taken.includes(read.value)
      ? { ok: false, message: `the id ${read.value} is already used by another activity` }
      : read;
  };
}

function notBefore(start: string | undefined): (text: string) => Read<string> {
  return (text) => {
    const read = readDate(text);
    return read.ok && start !== undefined && read.value < start
      ? { ok: false, message: `the end date must not be before the start (${start})` }
      : read;
  };
}

/** A co-production group of the department, or none; asked only when the council has groups. */
async function chooseGroup(
  dataset: Dataset,
  collector: Collector,
  department: Department | undefined,
): Promise<string | undefined> {
  if (collector.has('group')) return String(collector.raw('group'));
  const groups = dataset.council.groups.filter((g) => !department || g.department === department.id);
  if (groups.length === 0 || !collector.asks(false)) return undefined;
  const none = { name: '(no group)', value: '' };
  const chosen = await collector.prompts!.select({
    message: 'Which co-production group runs it?',
    choices: [...groups.map((g) => ({ name: `${g.name} (${g.id})`, value: g.id })), none],
  });
  return chosen === '' ? undefined : chosen;
}

/** Recommendations by number: from `--recommendation`, or ticked from a list of titles. */
async function chooseRecommendations(dataset: Dataset, collector: Collector): Promise<number[] | undefined> {
  const given = listValues(collector.raw('recommendations'));
  if (given) return given.map(recommendationNumber);
  if (collector.has('measures')) return [];
  if (!collector.prompts) return undefined;
  return collector.prompts.checkbox({
    message: 'Which of the recommendations does it serve? (space to tick, enter when done)',
    choices: dataset.framework.recommendations.map((r) => ({
      name: `${r.number}. ${r.title} (${r.plainTitle})`,
      value: r.number,
      description: r.aim,
    })),
    validate: (chosen) => chosen.length > 0 || 'tick at least one recommendation',
  });
}

function recommendationNumber(text: string): number {
  if (!/^\d{1,2}$/.test(text))
    throw new UsageError(`--recommendation: give the recommendation's number, e.g. 2 (got "${text}")`);
  return Number(text);
}

/** Measures: from `--measure`, or ticked from the measures of the chosen recommendations. */
async function chooseMeasures(
  dataset: Dataset,
  collector: Collector,
  recommendations: readonly number[],
): Promise<string[]> {
  const given = listValues(collector.raw('measures'));
  if (given) return given;
  const measures = dataset.framework.recommendations
    .filter((r) => recommendations.includes(r.number))
    .flatMap((r) => r.measures);
  if (measures.length === 0 || !collector.asks(false)) return [];
  return collector.prompts!.checkbox({
    message: 'Which measures will show progress? (optional; space to tick, enter when done)',
    choices: measures.map((m) => ({ name: `${m.id} ${shorten(m.text)}`, value: m.id, description: m.text })),
  });
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}
