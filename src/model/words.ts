import type { FollowUpResult, Level, Stage, Status } from '../schema/activities.js';

/** £1,200 or £1,200.50: whole pounds without pence. */
export function formatMoney(amount: number): string {
  const pence = Math.round(amount * 100);
  const whole = Math.trunc(pence / 100);
  const rest = Math.abs(pence % 100);
  const grouped = Math.abs(whole)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${pence < 0 ? '-' : ''}£${grouped}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

const COUNT_WORDS = [
  'No',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
];

/**
 * A count that starts a sentence, in words: "Seven plans", "In all, 13 plans".
 * After a paragraph number a numeral would run into it ("5.1 7 plans" reads as 5.17).
 */
export function leadingCount(n: number, one: string, many = `${one}s`): string {
  const word = COUNT_WORDS[n];
  return word ? `${word} ${n === 1 ? one : many}` : `In all, ${n.toLocaleString('en-GB')} ${many}`;
}

/** "1 activity", "3 activities". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * A change between two periods in words: "Up 5", "Down £300", "No change",
 * "Up from none". `format` prints an amount (a count or money).
 */
export function changeWords(
  current: number,
  previous: number,
  format: (n: number) => string = (n) => n.toLocaleString('en-GB'),
): string {
  const diff = Math.round((current - previous) * 100) / 100;
  if (diff === 0) return 'No change';
  if (previous === 0) return `Up from none`;
  if (current === 0) return `Down to none`;
  return diff > 0 ? `Up ${format(diff)}` : `Down ${format(-diff)}`;
}

/** A list in prose: "a, b and c" (or "a, b or c"). */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Stages of the policy or service cycle, in words. */
export const STAGE_WORDS: Record<Stage, string> = {
  design: 'design',
  commissioning: 'commissioning',
  delivery: 'delivery',
  review: 'review',
};

/** Levels of involvement, closest to decision-making first. */
export const LEVEL_LADDER: readonly Level[] = ['co-production', 'co-design', 'engagement', 'consultation', 'informing'];

/** What each level means for residents, in plain words. */
export const LEVEL_MEANINGS: Record<Level, string> = {
  'co-production': 'residents and officers share the decisions, from planning to review',
  'co-design': 'residents design the policy or service with officers',
  engagement: 'residents take part in discussions that shape the options',
  consultation: 'residents are asked for their views; the Council decides',
  informing: 'residents are told about plans and decisions',
};

/** The levels at which residents share in decisions, not only give views. */
export const SHARED_DECISION_LEVELS: readonly Level[] = ['co-production', 'co-design'];

/** Levels of involvement, in words. */
export const LEVEL_WORDS: Record<Level, string> = {
  informing: 'informing',
  consultation: 'consultation',
  engagement: 'engagement',
  'co-design': 'co-design',
  'co-production': 'co-production',
};

/** Activity statuses, in words. */
export const STATUS_WORDS: Record<Status, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
  paused: 'Paused',
  cancelled: 'Cancelled',
};

/** How a plan from the last update turned out, in words. */
export const FOLLOW_UP_WORDS: Record<FollowUpResult | 'not-followed-up' | 'not-stated', string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'carried-over': 'Carried over',
  dropped: 'Dropped',
  'not-followed-up': 'No update received',
  'not-stated': 'Not stated',
};
