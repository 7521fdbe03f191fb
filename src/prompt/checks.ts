import { formatQuarter, parseQuarter, quarterRange, type Quarter } from '../periods/periods.js';
import { isRealIsoDate } from '../schema/primitives.js';
import type { Check } from './prompts.js';

/**
 * Readers for typed values: each turns text into a value or says what is
 * wrong, in words for the person typing. Prompts use them to check answers
 * as they are typed; flags use the same readers, so both accept the same.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(message: string): Read<T> => ({ ok: false, message });

/** A prompt check from a reader. */
export function asCheck<T>(read: (text: string) => Read<T>): Check {
  return (text) => {
    const result = read(text);
    return result.ok ? true : result.message;
  };
}

/** Free text that is not blank. */
export function readText(text: string): Read<string> {
  const value = text.trim();
  return value === '' ? no('please type something (it must not be empty)') : ok(value);
}

/** An id: lower-case letters, digits and hyphens. */
export function readIdentifier(text: string): Read<string> {
  const value = text.trim();
  if (!/^[a-z0-9][a-z0-9-]*$/.test(value))
    return no('use lower-case letters, digits and hyphens only, e.g. econ-housing-review');
  if (value.length > 80) return no('use at most 80 characters');
  return ok(value);
}

/** A date that exists in the calendar, written YYYY-MM-DD. */
export function readDate(text: string): Read<string> {
  const value = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return no('write the date as YYYY-MM-DD, e.g. 2023-06-20');
  return isRealIsoDate(value) ? ok(value) : no(`${value} is not a real date (check the day and the month)`);
}

/** A financial-year quarter such as 2023/24-Q1, typed in any case (it is written to the file as 2023/24-Q1). */
export function readQuarter(text: string): Read<Quarter> {
  const quarter = parseQuarter(text.trim().toUpperCase());
  return quarter ? ok(quarter) : no('write the quarter like 2023/24-Q1 (the financial year, then Q1 to Q4)');
}

/** A whole number of people, 0 or more. */
export function readCount(text: string): Read<number> {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return no('type a whole number, 0 or more');
  const n = Number(value);
  return n > 1_000_000 ? no('that number is implausibly large') : ok(n);
}

/** An amount of money in pounds and pence, 0 or more; a leading £ and thousands commas are allowed. */
export function readMoney(text: string): Read<number> {
  const value = text
    .trim()
    .replace(/^£/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (value.startsWith('-')) return no('type an amount of 0 or more');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return no('type an amount in pounds, e.g. 250 or 99.50');
  const n = Number(value);
  return n > 1_000_000_000 ? no('that amount is implausibly large') : ok(n);
}

/** The dates an activity runs, for checking a quarter against them. */
export interface ActivityDates {
  start: string;
  end?: string | undefined;
}

/** A quarter that overlaps the activity's dates and has no update yet. */
export function readQuarterFor(
  text: string,
  dates: ActivityDates,
  taken: readonly string[],
  financialYearStart: number,
): Read<string> {
  const read = readQuarter(text);
  if (!read.ok) return read;
  const id = formatQuarter(read.value);
  const range = quarterRange(read.value, financialYearStart);
  if (range.end < dates.start) return no(`${id} (${range.words}) is before the activity started on ${dates.start}`);
  if (dates.end !== undefined && range.start > dates.end)
    return no(`${id} (${range.words}) is after the activity ended on ${dates.end}`);
  if (taken.includes(id)) return no(`the activity already has an update for ${id}`);
  return ok(id);
}
