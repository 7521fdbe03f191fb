import type { Addition } from '../../../edit/department-file.js';
import {
  formatQuarter,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterOfDate,
  type Quarter,
} from '../../../periods/periods.js';
import { readCount, readMoney, readQuarter, readQuarterFor, readText, type Read } from '../../../prompt/checks.js';
import {
  FOLLOW_UP_RESULTS,
  LEVELS,
  RAG,
  STAGES,
  STATUSES,
  type Activity,
  type Status,
} from '../../../schema/activities.js';
import { plansAsOf, stateAt, type ActivityState, type PlanRecord } from '../../../schema/history.js';
import type { Dataset } from '../../../validate/dataset.js';
import { chooseActivity, type ActivityTarget } from './choose.js';
import type { Collector } from './values.js';

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
 * reported, counts and amounts of 0 or more), how an open plan went, and
 * the activity's status at the end of the quarter (its stage and level when
 * they change). Returns undefined when values are missing (they are listed
 * on the collector).
 */
export async function planUpdate(
  dataset: Dataset,
  collector: Collector,
  given: { department?: string; activity?: string },
): Promise<PlannedUpdate | undefined> {
  const target = await chooseActivity(dataset, collector, given);
  const startMonth = dataset.council.council.financialYearStart;
  const activity = target?.activity;
  const quarter = await collector.value({
    key: 'quarter',
    flag: '--quarter 2023/24-Q1',
    required: true,
    message: 'Which quarter is this update for? (e.g. 2023/24-Q1)',
    ...(activity ? { default: suggestedQuarter(activity, startMonth) } : {}),
    read: activity
      ? (t) =>
          readQuarterFor(
            t,
            activity,
            activity.updates.map((u) => u.quarter),
            startMonth,
          )
      : formattedQuarter,
  });
  const summary = await collector.value({
    key: 'summary',
    flag: '--summary TEXT',
    required: true,
    message: 'What happened in the quarter?',
    read: readText,
  });
  const residents = await collector.value({
    key: 'residents',
    flag: '--residents N',
    required: true,
    message: 'How many residents were involved? (a number; never names)',
    read: readCount,
  });
  const coChairs = await collector.value({
    key: 'coChairs',
    flag: '--co-chairs N',
    required: false,
    message: 'How many of them were resident co-chairs?',
    default: '0',
    read: atMost(residents),
  });
  const accessCosts = await collector.value({
    key: 'accessCosts',
    flag: '--access-costs £',
    required: false,
    message: 'Access costs met, in pounds',
    default: '0',
    read: readMoney,
  });
  const participationFees = await collector.value({
    key: 'participationFees',
    flag: '--participation-fees £',
    required: false,
    message: 'Participation fees paid to residents, in pounds',
    default: '0',
    read: readMoney,
  });
  const spend = await collector.value({
    key: 'spend',
    flag: '--spend £',
    required: false,
    message: 'Other spend on the activity, in pounds',
    default: '0',
    read: readMoney,
  });
  const followUp = await askFollowUp(collector, activity, quarter);
  const outcomes = collector.has('outcomes')
    ? collector.raw('outcomes')
    : await askPairs(
        collector,
        ['You said: what residents asked for (leave empty to skip)', 'We did: what changed because of it'],
        ['youSaid', 'weDid'],
      );
  const barriers = collector.has('barriers')
    ? collector.raw('barriers')
    : await askPairs(
        collector,
        ['A barrier to progress (leave empty to skip)', 'What is being done about it?'],
        ['barrier', 'response'],
      );
  const next = await collector.value({
    key: 'next',
    flag: '--next TEXT',
    required: false,
    message: 'What is planned for next quarter? (leave empty if nothing)',
    read: readText,
  });
  const rag = await collector.choice({
    key: 'rag',
    flag: '--rag RAG',
    required: false,
    message: 'RAG rating for the quarter',
    choices: RAG.map((r) => ({ name: r, value: r })),
  });
  const state = await askState(
    collector,
    activity && quarter !== undefined ? stateAt(activity, quarter) : undefined,
    quarter,
  );
  if (!target || quarter === undefined || summary === undefined || residents === undefined) return undefined;

  const update = {
    quarter,
    summary,
    residents,
    coChairs,
    accessCosts,
    participationFees,
    spend,
    outcomes: nonEmpty(outcomes),
    barriers: nonEmpty(barriers),
    followUp,
    next,
    rag,
    ...state,
  };
  return {
    target,
    addition: {
      kind: 'update',
      activityIndex: target.index,
      update: { ...update, ...extraFields(collector, [...Object.keys(update), 'status', 'stage', 'level']) },
    },
  };
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
    if (read.ok && residents !== undefined && read.value > residents)
      return { ok: false, message: `co-chairs are counted among the ${residents} residents, so at most ${residents}` };
    return read;
  };
}

/**
 * How the open plan turned out: asked whenever an earlier update said what
 * was planned (`next:`) and no update has said how it went yet (members ask
 * what was promised and what happened), and then required, since
 * `coprod validate` warns about an update that leaves it unsaid;
 * `--follow-up` and `--follow-up-reason` otherwise.
 */
async function askFollowUp(
  collector: Collector,
  activity: Activity | undefined,
  quarter: string | undefined,
): Promise<unknown> {
  if (collector.has('followUp') && typeof collector.raw('followUp') === 'object') return collector.raw('followUp');
  const plan = activity && quarter !== undefined ? openPlanBefore(activity, quarter) : undefined;
  if (!collector.has('followUp') && !plan) return undefined;
  const lastQuarter =
    plan && quarter !== undefined && plan.madeIn === formatQuarter(previousQuarter(parseQuarter(quarter)!));
  const result = await collector.choice({
    key: 'followUp',
    flag: plan ? `--follow-up RESULT (how the plan made in ${plan.madeIn} went)` : '--follow-up RESULT',
    required: plan !== undefined,
    message: `${lastQuarter ? "Last quarter's plan" : `The plan made in ${plan?.madeIn ?? 'an earlier update'}`} was: "${plan?.text ?? ''}". How did it turn out?`,
    choices: FOLLOW_UP_RESULTS.map((r) => ({ name: r, value: r })),
  });
  if (result === undefined) return undefined;
  const reason = await collector.value({
    key: 'followUpReason',
    flag: '--follow-up-reason TEXT',
    required: false,
    message: 'Why? (leave empty to skip)',
    read: readText,
  });
  return { result, reason };
}

/** The plan an update for `quarter` answers: the latest one made before it that no earlier update has answered. */
function openPlanBefore(activity: Activity, quarter: string): PlanRecord | undefined {
  const q = parseQuarter(quarter);
  if (!q) return undefined;
  return plansAsOf(activity, formatQuarter(previousQuarter(q)))
    .filter((p) => p.closedIn === undefined)
    .at(-1);
}

/**
 * The activity's status at the end of the quarter, always recorded on the
 * update (so papers about the quarter show it, whatever happens later), and
 * its stage and level, recorded only when they change. Each is asked with
 * the current value as its default, unless given or `--yes` is set; an
 * activity still `planned` is taken to be under way once it has an update.
 */
async function askState(
  collector: Collector,
  before: ActivityState | undefined,
  quarter: string | undefined,
): Promise<{ status?: Status; stage?: ActivityState['stage']; level?: ActivityState['level'] }> {
  const asked = <T extends string>(
    key: string,
    flag: string,
    message: string,
    values: readonly T[],
    now: T | undefined,
    suggested = now,
  ) =>
    collector.has(key) || collector.asks(false)
      ? collector.choice({
          key,
          flag,
          required: true,
          message,
          choices: values.map((v) => ({ name: v === now ? `${v} (as now)` : v, value: v })),
          ...(suggested ? { default: suggested } : {}),
        })
      : Promise.resolve(suggested);
  const at = quarter ?? 'the quarter';
  const status = await asked(
    'status',
    '--status STATUS',
    `Status of the activity at the end of ${at}`,
    STATUSES,
    before?.status,
    before?.status === 'planned' ? 'in-progress' : before?.status,
  );
  const stage = await asked(
    'stage',
    '--stage STAGE',
    `Stage of the policy or service cycle at the end of ${at}`,
    STAGES,
    before?.stage,
  );
  const level = await asked(
    'level',
    '--level LEVEL',
    `Level of involvement at the end of ${at}`,
    LEVELS,
    before?.level,
  );
  return {
    ...(status ? { status } : {}),
    ...(stage && stage !== before?.stage ? { stage } : {}),
    ...(level && level !== before?.level ? { level } : {}),
  };
}

/** Asks for pairs (you said / we did; barrier / response) until the first answer is left empty. */
async function askPairs(
  collector: Collector,
  messages: [string, string],
  keys: [string, string],
): Promise<Record<string, string>[]> {
  const pairs: Record<string, string>[] = [];
  if (!collector.prompts || !collector.asks(false)) return pairs;
  for (;;) {
    const first = (await collector.prompts.input({ message: messages[0] })).trim();
    if (first === '') return pairs;
    const second = (
      await collector.prompts.input({
        message: messages[1],
        validate: (t) => t.trim() !== '' || 'please type something (it must not be empty)',
      })
    ).trim();
    pairs.push({ [keys[0]]: first, [keys[1]]: second });
  }
}

function nonEmpty(list: unknown): unknown {
  return Array.isArray(list) && list.length === 0 ? undefined : list;
}

/** Fields of a `--from` document that coprod does not ask for: kept, so validation can name them. */
export function extraFields(collector: Collector, known: readonly string[]): Record<string, unknown> {
  const skip = new Set([...known, 'followUpReason']);
  return Object.fromEntries(
    collector
      .keys()
      .filter((k) => !skip.has(k))
      .map((k) => [k, collector.raw(k)]),
  );
}
