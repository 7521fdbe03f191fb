import type { Addition } from '../../edit/department-file.js';
import { formatQuarter, nextQuarter, parseQuarter, previousQuarter, quarterOfDate, type Quarter } from '../../periods/periods.js';
import { readCount, readMoney, readQuarter, readQuarterFor, readText, type Read } from '../../prompt/checks.js';
import { FOLLOW_UP_RESULTS, RAG, type Activity } from '../../schema/activities.js';
import type { Dataset } from '../../validate/dataset.js';
import { chooseActivity, type ActivityTarget } from './add-choose.js';
import type { Collector } from './add-values.js';

/** What `coprod add update` will add, and where. */
export interface PlannedUpdate {
  target: ActivityTarget;
  addition: Extract<Addition, { kind: 'update' }>;
}

/** The flags `coprod add update` needs when nobody can be asked. */
export const UPDATE_REQUIRED = '--activity ID --quarter 2023/24-Q1 --summary TEXT --residents N';

/**
 * Gathers a quarterly update: the activity, then each value, checked as it
 * is given or typed (a quarter within the activity's dates and not already
 * reported, counts and amounts of 0 or more). Returns undefined when values
 * are missing (they are listed on the collector).
 */
export async function planUpdate(dataset: Dataset, collector: Collector, given: { department?: string; activity?: string }): Promise<PlannedUpdate | undefined> {
  const target = await chooseActivity(dataset, collector, given);
  const startMonth = dataset.council.council.financialYearStart;
  const activity = target?.activity;
  const quarter = await collector.value({
    key: 'quarter',
    flag: '--quarter 2023/24-Q1',
    required: true,
    message: 'Which quarter is this update for? (e.g. 2023/24-Q1)',
    ...(activity ? { default: suggestedQuarter(activity, startMonth) } : {}),
    read: activity ? (t) => readQuarterFor(t, activity, activity.updates.map((u) => u.quarter), startMonth) : formattedQuarter,
  });
  const summary = await collector.value({ key: 'summary', flag: '--summary TEXT', required: true, message: 'What happened in the quarter?', read: readText });
  const residents = await collector.value({ key: 'residents', flag: '--residents N', required: true, message: 'How many residents were involved? (a number; never names)', read: readCount });
  const coChairs = await collector.value({ key: 'coChairs', flag: '--co-chairs N', required: false, message: 'How many of them were resident co-chairs?', default: '0', read: atMost(residents) });
  const accessCosts = await collector.value({ key: 'accessCosts', flag: '--access-costs £', required: false, message: 'Access costs met, in pounds', default: '0', read: readMoney });
  const participationFees = await collector.value({ key: 'participationFees', flag: '--participation-fees £', required: false, message: 'Participation fees paid to residents, in pounds', default: '0', read: readMoney });
  const spend = await collector.value({ key: 'spend', flag: '--spend £', required: false, message: 'Other spend on the activity, in pounds', default: '0', read: readMoney });
  const followUp = await askFollowUp(collector, activity, quarter);
  const outcomes = collector.has('outcomes') ? collector.raw('outcomes') : await askPairs(collector, ['You said: what residents asked for (leave empty to skip)', 'We did: what changed because of it'], ['youSaid', 'weDid']);
  const barriers = collector.has('barriers') ? collector.raw('barriers') : await askPairs(collector, ['A barrier to progress (leave empty to skip)', 'What is being done about it?'], ['barrier', 'response']);
  const next = await collector.value({ key: 'next', flag: '--next TEXT', required: false, message: 'What is planned for next quarter? (leave empty if nothing)', read: readText });
  const rag = await collector.choice({ key: 'rag', flag: '--rag RAG', required: false, message: 'RAG rating for the quarter', choices: RAG.map((r) => ({ name: r, value: r })) });
  if (!target || quarter === undefined || summary === undefined || residents === undefined) return undefined;

  const update = { quarter, summary, residents, coChairs, accessCosts, participationFees, spend, outcomes: nonEmpty(outcomes), barriers: nonEmpty(barriers), followUp, next, rag };
  return { target, addition: { kind: 'update', activityIndex: target.index, update: { ...update, ...extraFields(collector, Object.keys(update)) } } };
}

/** The quarter after the latest update, or the one the activity started in. */
export function suggestedQuarter(activity: Activity, startMonth: number): string {
  const quarters = activity.updates.map((u) => parseQuarter(u.quarter)).filter((q): q is Quarter => q !== undefined);
  const latest = quarters.sort((a, b) => a.year * 4 + a.number - (b.year * 4 + b.number)).pop();
  return formatQuarter(latest ? nextQuarter(latest) : quarterOfDate(activity.start, startMonth));
}

function formattedQuarter(text: string): Read<string> {
  const read = readQuarter(text);
  return read.ok ? { ok: true, value: formatQuarter(read.value) } : read;
}

/** A count of co-chairs, who are counted among the residents. */
function atMost(residents: number | undefined): (text: string) => Read<number> {
  return (text) => {
    const read = readCount(text);
    if (read.ok && residents !== undefined && read.value > residents) return { ok: false, message: `co-chairs are counted among the ${residents} residents, so at most ${residents}` };
    return read;
  };
}

/**
 * How last quarter's plan turned out: asked only when the previous
 * quarter's update said what was planned (members ask what was promised last
 * time and what happened); `--follow-up` and `--follow-up-reason` otherwise.
 */
async function askFollowUp(collector: Collector, activity: Activity | undefined, quarter: string | undefined): Promise<unknown> {
  if (collector.has('followUp') && typeof collector.raw('followUp') === 'object') return collector.raw('followUp');
  const previous = quarter && activity ? activity.updates.find((u) => u.quarter === formatQuarter(previousQuarter(parseQuarter(quarter)!))) : undefined;
  if (!collector.has('followUp') && !previous?.next) return undefined;
  const result = await collector.choice({
    key: 'followUp',
    flag: '--follow-up RESULT',
    required: false,
    message: `Last quarter's plan was: "${previous?.next ?? ''}". How did it turn out?`,
    choices: FOLLOW_UP_RESULTS.map((r) => ({ name: r, value: r })),
  });
  if (result === undefined) return undefined;
  const reason = await collector.value({ key: 'followUpReason', flag: '--follow-up-reason TEXT', required: false, message: 'Why? (leave empty to skip)', read: readText });
  return { result, reason };
}

/** Asks for pairs (you said / we did; barrier / response) until the first answer is left empty. */
async function askPairs(collector: Collector, messages: [string, string], keys: [string, string]): Promise<Record<string, string>[]> {
  const pairs: Record<string, string>[] = [];
  if (!collector.prompts || !collector.asks(false)) return pairs;
  for (;;) {
    const first = (await collector.prompts.input({ message: messages[0] })).trim();
    if (first === '') return pairs;
    const second = (await collector.prompts.input({ message: messages[1], validate: (t) => t.trim() !== '' || 'please type something (it must not be empty)' })).trim();
    pairs.push({ [keys[0]]: first, [keys[1]]: second });
  }
}

function nonEmpty(list: unknown): unknown {
  return Array.isArray(list) && list.length === 0 ? undefined : list;
}

/** Fields of a `--from` document that coprod does not ask for: kept, so validation can name them. */
export function extraFields(collector: Collector, known: readonly string[]): Record<string, unknown> {
  const skip = new Set([...known, 'followUpReason']);
  return Object.fromEntries(collector.keys().filter((k) => !skip.has(k)).map((k) => [k, collector.raw(k)]));
}
