/**
 * Financial-year periods. A financial year is named by the calendar years it
 * spans (`2023/24`) and starts in a configurable month (April by default);
 * quarter 1 is its first three months, half 1 its first six.
 */

export interface Quarter {
  /** Calendar year in which the financial year starts, e.g. 2023 for 2023/24. */
  year: number;
  /** 1 to 4. */
  number: 1 | 2 | 3 | 4;
}

export interface Half {
  year: number;
  number: 1 | 2;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function monthName(month: number): string {
  return MONTHS[(month - 1 + 12) % 12]!;
}

function yearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

function parseYearLabel(label: string): number | undefined {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m) return undefined;
  const year = Number(m[1]);
  return (year + 1) % 100 === Number(m[2]) ? year : undefined;
}

/** `2023/24-Q1` → quarter, or undefined when not in that form. */
export function parseQuarter(text: string): Quarter | undefined {
  const m = /^(\d{4}\/\d{2})-Q([1-4])$/.exec(text.trim());
  const year = m ? parseYearLabel(m[1]!) : undefined;
  return year === undefined ? undefined : { year, number: Number(m![2]) as Quarter['number'] };
}

/** `2023/24-H1` → half, or undefined when not in that form. */
export function parseHalf(text: string): Half | undefined {
  const m = /^(\d{4}\/\d{2})-H([12])$/.exec(text.trim());
  const year = m ? parseYearLabel(m[1]!) : undefined;
  return year === undefined ? undefined : { year, number: Number(m![2]) as Half['number'] };
}

export function formatQuarter(q: Quarter): string {
  return `${yearLabel(q.year)}-Q${q.number}`;
}

export function formatHalf(h: Half): string {
  return `${yearLabel(h.year)}-H${h.number}`;
}

/** A number that orders quarters in time. */
export function quarterOrdinal(q: Quarter): number {
  return q.year * 4 + (q.number - 1);
}

function fromOrdinal(n: number): Quarter {
  return { year: Math.floor(n / 4), number: ((n % 4) + 1) as Quarter['number'] };
}

export function previousQuarter(q: Quarter): Quarter {
  return fromOrdinal(quarterOrdinal(q) - 1);
}

export function nextQuarter(q: Quarter): Quarter {
  return fromOrdinal(quarterOrdinal(q) + 1);
}

export function quartersOfHalf(h: Half): [Quarter, Quarter] {
  const first = (h.number - 1) * 2 + 1;
  return [
    { year: h.year, number: first as Quarter['number'] },
    { year: h.year, number: (first + 1) as Quarter['number'] },
  ];
}

export function previousHalf(h: Half): Half {
  return h.number === 2 ? { year: h.year, number: 1 } : { year: h.year - 1, number: 2 };
}

export function halfOfQuarter(q: Quarter): Half {
  return { year: q.year, number: q.number <= 2 ? 1 : 2 };
}

/** First and last month (1-12) and their calendar years of a span of `months` starting at an offset into the year. */
function span(year: number, offsetMonths: number, months: number, startMonth: number) {
  const first = startMonth - 1 + offsetMonths;
  const last = first + months - 1;
  return {
    startYear: year + Math.floor(first / 12),
    startMonth: (first % 12) + 1,
    endYear: year + Math.floor(last / 12),
    endMonth: (last % 12) + 1,
  };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DateRange {
  /** ISO date of the first day. */
  start: string;
  /** ISO date of the last day. */
  end: string;
  /** In words, e.g. "April to June 2023" or "January to March 2024". */
  words: string;
}

function rangeOf(year: number, offset: number, months: number, startMonth: number): DateRange {
  const s = span(year, offset, months, startMonth);
  const words =
    s.startYear === s.endYear
      ? `${monthName(s.startMonth)} to ${monthName(s.endMonth)} ${s.endYear}`
      : `${monthName(s.startMonth)} ${s.startYear} to ${monthName(s.endMonth)} ${s.endYear}`;
  return {
    start: iso(s.startYear, s.startMonth, 1),
    end: iso(s.endYear, s.endMonth, lastDay(s.endYear, s.endMonth)),
    words,
  };
}

/** The dates a quarter covers, for a financial year starting in `startMonth` (4 = April). */
export function quarterRange(q: Quarter, startMonth = 4): DateRange {
  return rangeOf(q.year, (q.number - 1) * 3, 3, startMonth);
}

/** The dates a half covers. */
export function halfRange(h: Half, startMonth = 4): DateRange {
  return rangeOf(h.year, (h.number - 1) * 6, 6, startMonth);
}

/** The quarter an ISO date falls in. */
export function quarterOfDate(date: string, startMonth = 4): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const monthsIn = (month - startMonth + 12) % 12;
  const fyYear = month >= startMonth ? year : year - 1;
  return { year: fyYear, number: (Math.floor(monthsIn / 3) + 1) as Quarter['number'] };
}

/** "20 June 2023" from an ISO date. */
export function ukDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${monthName(m!)} ${y}`;
}
