import { formatQuarter, quarterRange, ukDate, type Quarter } from '../periods/periods.js';
import type { Officer } from '../schema/primitives.js';
import type { Dataset } from '../validate/dataset.js';
import type { Lookup } from './lookup.js';

/** A contact officer as printed. */
export interface ContactView {
  name: string | undefined;
  role: string;
  team: string | undefined;
  phone: string | undefined;
  email: string | undefined;
  /** The department the officer works in, when the paper covers several. */
  department: string | undefined;
}

/** The contact officers of some departments, each printed once. */
export function contactsOf(lookup: Lookup, departmentIds: readonly string[]): ContactView[] {
  const seen = new Set<string>();
  const out: ContactView[] = [];
  for (const id of departmentIds) {
    const department = lookup.departments.get(id);
    if (!department) continue;
    for (const c of department.contacts) {
      const key = `${c.name ?? ''}|${c.role}|${c.email ?? ''}|${c.phone ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...contactOf(c), department: department.name });
    }
  }
  return out;
}

/** An officer as a contact line, without a department. */
export function contactOf(officer: Officer): ContactView {
  return {
    name: officer.name,
    role: officer.role,
    team: officer.team,
    phone: officer.phone,
    email: officer.email,
    department: undefined,
  };
}

/**
 * Officers as a header line, each once: "Sam Okafor, Head of Co-production;
 * Director of Public Health". An officer is named when the council gives a name.
 */
export function officersOf(officers: readonly Officer[]): string {
  return [...new Set(officers.map((o) => (o.name ? `${o.name}, ${o.role}` : o.role)))].join('; ');
}

/** Council-level parts every document prints. */
export interface CouncilView {
  name: string;
  language: string;
  wards: string;
  values: { value: string; alignment: string }[];
}

/** The council-level parts of a document, from the data. */
export function councilView(dataset: Dataset): CouncilView {
  const { council } = dataset;
  return {
    name: council.council.name,
    language: council.council.language,
    wards: council.council.wards,
    values: council.values,
  };
}

/** The header block of a committee report (seeds 001 and 002). */
export interface HeaderView {
  reportTo: string;
  /** The meeting date in words, or "Date to be confirmed". */
  date: string;
  dateConfirmed: boolean;
  subject: string;
  author: string;
  director: string;
}

/** The meeting date: the one given on the command line, else the calendar's, else to be confirmed. */
export function meetingDate(
  given: string | undefined,
  calendar: string | undefined,
): { date: string; dateConfirmed: boolean } {
  const iso = given ?? calendar;
  return { date: iso ? ukDate(iso) : 'Date to be confirmed', dateConfirmed: iso !== undefined };
}

/** A quarter or half as printed. */
export interface PeriodView {
  id: string;
  words: string;
  start: string;
  end: string;
}

/** A quarter as printed, for a financial year starting in `startMonth`. */
export function periodView(q: Quarter, startMonth: number): PeriodView {
  const range = quarterRange(q, startMonth);
  return { id: formatQuarter(q), words: range.words, start: range.start, end: range.end };
}

/** A numbered paragraph of the detailed analysis. */
export interface Paragraph {
  /** "3.2" */
  number: string;
  text: string;
}

/** Numbers paragraphs `section.1`, `section.2`, … */
export function numbered(section: number | string, texts: readonly string[], from = 1): Paragraph[] {
  return texts.map((text, i) => ({ number: `${section}.${i + from}`, text }));
}

/** Document metadata carried to the DOCX core properties. */
export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  language: string;
  /** Short label for page headers. */
  shortTitle: string;
}
