import type { FollowUpResult, Level, Stage, Status } from '../schema/activities.js';

/** £1,200 or £1,200.50: whole pounds without pence. */
export function formatMoney(amount: number): string {
  const pence = Math.round(amount * 100);
  const whole = Math.trunc(pence / 100);
  const rest = Math.abs(pence % 100);
  const grouped = Math.abs(whole).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${pence < 0 ? '-' : ''}£${grouped}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/** "1 activity", "3 activities". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** A list in prose: "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const STAGE_WORDS: Record<Stage, string> = {
  design: 'design',
  commissioning: 'commissioning',
  delivery: 'delivery',
  review: 'review',
};

export const LEVEL_WORDS: Record<Level, string> = {
  informing: 'informing',
  consultation: 'consultation',
  engagement: 'engagement',
  'co-design': 'co-design',
  'co-production': 'co-production',
};

export const STATUS_WORDS: Record<Status, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
  paused: 'Paused',
  cancelled: 'Cancelled',
};

export const FOLLOW_UP_WORDS: Record<FollowUpResult | 'not-followed-up' | 'not-stated', string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'carried-over': 'Carried over',
  dropped: 'Dropped',
  'not-followed-up': 'Not followed up',
  'not-stated': 'Not stated',
};
