/**
 * Periods as people type them on the command line: a quarter or half in any
 * case (`2023/24-q1`), or `latest` or `previous`, counted from the latest
 * quarter with updates. Data files keep the one canonical form (`parseQuarter`).
 */
import {
  halfOfQuarter,
  monthName,
  parseHalf,
  parseQuarter,
  previousHalf,
  previousQuarter,
  quarterOrdinal,
  quartersOfHalf,
  type Half,
  type Quarter,
} from './periods.js';

/** A period named relative to the data: the latest with updates, or the one before it. */
export type Relative = 'latest' | 'previous';

export type QuarterChoice = Quarter | Relative;
export type HalfChoice = Half | Relative;

function relative(text: string): Relative | undefined {
  const word = text.trim().toLowerCase();
  return word === 'latest' || word === 'previous' ? word : undefined;
}

/** `2023/24-Q1`, `2023/24-q1`, `latest` or `previous`; undefined for anything else. */
export function parseQuarterChoice(text: string): QuarterChoice | undefined {
  return relative(text) ?? parseQuarter(text.trim().toUpperCase());
}

/** `2023/24-H1`, `2023/24-h1`, `latest` or `previous`; undefined for anything else. */
export function parseHalfChoice(text: string): HalfChoice | undefined {
  return relative(text) ?? parseHalf(text.trim().toUpperCase());
}

/** The quarter meant, given the latest quarter with updates; undefined when it is relative and there is none. */
export function resolveQuarter(choice: QuarterChoice, latest: Quarter | undefined): Quarter | undefined {
  if (typeof choice === 'object') return choice;
  if (!latest) return undefined;
  return choice === 'latest' ? latest : previousQuarter(latest);
}

/** The half meant, given the latest quarter with updates; undefined when it is relative and there is none. */
export function resolveHalf(choice: HalfChoice, latest: Quarter | undefined): Half | undefined {
  if (typeof choice === 'object') return choice;
  if (!latest) return undefined;
  return choice === 'latest' ? halfOfQuarter(latest) : previousHalf(halfOfQuarter(latest));
}

/**
 * The quarter whose coverage a half's summary is checked for: its second
 * quarter, or its first when that is the latest with updates (a half still
 * under way has nothing yet for its second quarter).
 */
export function coverageQuarterOfHalf(half: Half, latest: Quarter | undefined): Quarter {
  const [first, second] = quartersOfHalf(half);
  return latest && quarterOrdinal(latest) === quarterOrdinal(first) ? first : second;
}

/** "April to June": the months of the `index`-th run of `length` months of a year starting in `startMonth`. */
function months(startMonth: number, index: number, length: number): string {
  const first = startMonth + index * length;
  return `${monthName(first)} to ${monthName(first + length - 1)}`;
}

/** "Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March". */
export function quarterMonths(startMonth: number): string {
  const [q1, q2, q3, q4] = [0, 1, 2, 3].map((i) => months(startMonth, i, 3));
  return `Q1 is ${q1}, Q2 ${q2}, Q3 ${q3} and Q4 ${q4}`;
}

/** "H1 is April to September and H2 October to March". */
export function halfMonths(startMonth: number): string {
  return `H1 is ${months(startMonth, 0, 6)} and H2 ${months(startMonth, 1, 6)}`;
}
