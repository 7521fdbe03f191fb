import type { ContactView, DocumentMeta } from '../model/common.js';
import type { ActivityRef } from '../model/lookup.js';
import { updateFor } from '../model/lookup.js';
import type { Terms } from '../model/terms.js';
import type { PictureTopic } from '../schema/council.js';

/**
 * An Easy Read document as plain data: a cover and sections, each a list of
 * rows, and each row a picture (by topic) beside a few short sentences. Made
 * from the same view models as the formal papers (`summary.ts`,
 * `quarterly.ts`), never by shortening a paper's text.
 */

/** One idea: a picture and the words beside it. */
export interface EasyReadRow {
  topic: PictureTopic;
  /** A short label on its own line before the words: "You said:". */
  lead?: string;
  /** One to three short sentences. */
  text: string;
}

/** The sections every Easy Read companion has, in order (Mencap's and Inclusion Europe's guidance). */
export const SECTION_HEADINGS = {
  about: 'What this is about',
  did: 'What we did with Disabled residents',
  changed: 'What changed because of what you told us',
  problems: 'What did not go well and what we are doing',
  next: 'What happens next',
  contact: 'How to tell us what you think',
} as const;
export type SectionId = keyof typeof SECTION_HEADINGS;

export interface EasyReadSection {
  id: SectionId;
  heading: string;
  rows: EasyReadRow[];
}

export interface EasyReadDocument {
  meta: DocumentMeta;
  /** The title on the cover (the document's one Heading 1). */
  title: string;
  cover: EasyReadRow[];
  sections: EasyReadSection[];
  /** Proper names (the council's, its committees' and board's): a hard word inside one is not a use of it. */
  names: string[];
}

/** How many activities, changes, problems and plans a companion names one by one; the rest are counted. */
export const LIMITS = { activities: 6, changes: 4, problems: 3, plans: 3, committees: 8 } as const;

/** A section with its fixed heading. */
export function section(id: SectionId, rows: EasyReadRow[]): EasyReadSection {
  return { id, heading: SECTION_HEADINGS[id], rows };
}

/** "1 activity", "12 activities": numbers always as digits. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The cover's rows: who the report is from, who it is for, and when it is about. */
/** A companion's document properties: its paper's author and language, titled as the Easy Read version of `paper` for `periodWords`. */
export function companionMeta(paper: string, periodWords: string, formal: DocumentMeta): DocumentMeta {
  return {
    title: `${paper}, ${periodWords}`,
    subject: `Co-production, ${periodWords}, in Easy Read`,
    author: formal.author,
    language: formal.language,
    shortTitle: `Easy Read: ${periodWords}`,
  };
}

export function coverRows(council: string, forWhom: string, periodWords: string): EasyReadRow[] {
  return [
    { topic: 'paper', text: `This is an Easy Read report from ${council}.` },
    { topic: 'meeting', text: `It is for the ${forWhom}.` },
    { topic: 'calendar', text: `It is about ${periodWords}.` },
  ];
}

/** What co-production is, in the council's own words for its committees. */
export function coProductionRow(): EasyReadRow {
  return {
    topic: 'people',
    text: 'The council works with Disabled residents to plan and check its services. We call this co-production.',
  };
}

/** The framework: how many items the council follows, and whose. */
export function frameworkRow(terms: Terms): EasyReadRow {
  const whose = terms.frameworkOf.replace(/^the /, '');
  return {
    topic: 'list',
    text: `The council has ${count(terms.size, terms.item, terms.items)} to follow. They come from the ${whose}.`,
  };
}

/**
 * What changed because of what residents said, for one update: its Easy
 * Read line when it has one, else each "you said, we did" pair.
 */
export function changeRows(ref: ActivityRef, quarter: string): EasyReadRow[] {
  const update = updateFor(ref.activity, quarter);
  if (!update) return [];
  if (update.easyRead) return [{ topic: 'did', text: sentence(update.easyRead) }];
  return update.outcomes.flatMap((o) => [
    { topic: 'said' as const, lead: 'You said:', text: sentence(o.youSaid) },
    { topic: 'did' as const, lead: 'We did:', text: sentence(o.weDid) },
  ]);
}

/** True when an update has something to say under "What changed". */
export function hasChange(ref: ActivityRef, quarter: string): boolean {
  const update = updateFor(ref.activity, quarter);
  return update !== undefined && update.outcomes.length > 0;
}

const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const NUMBER_WORD = new RegExp(`\\b(${NUMBER_WORDS.join('|')})\\b`, 'gi');

/**
 * A line of the data as an Easy Read sentence: one space between words, a
 * full stop at the end, and numbers from two to twelve as digits ("three
 * pages" → "3 pages"; "one" is left, as in "no one").
 */
export function sentence(text: string): string {
  const s = digits(text);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** One space between words, and numbers from two to twelve as digits. */
function digits(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(NUMBER_WORD, (word) => String(NUMBER_WORDS.indexOf(word.toLowerCase()) + 2));
}

/**
 * What we did on one activity: its title as the row's label, its Easy Read
 * line when it has one (and no "you said, we did" to carry it), and how
 * many residents took part.
 */
export function activityRow(ref: ActivityRef, quarter: string): EasyReadRow {
  const update = updateFor(ref.activity, quarter);
  const line = update?.easyRead && update.outcomes.length === 0 ? `${sentence(update.easyRead)} ` : '';
  const residents = update?.residents ?? 0;
  const took = residents === 0 ? 'No residents took part this time.' : `${count(residents, 'resident')} took part.`;
  return { topic: 'meeting', lead: label(ref.activity.title), text: `${line}${took}` };
}

/** A label on its own line, ending with a colon. */
export function label(text: string): string {
  return `${digits(text).replace(/[.:;,]$/, '')}:`;
}

/**
 * How to tell us what you think: the first contact with a telephone number
 * or an email address, from council.yaml.
 */
export function contactRows(contacts: readonly ContactView[]): EasyReadRow[] {
  const contact = contacts.find((c) => c.phone !== undefined || c.email !== undefined);
  const rows: EasyReadRow[] = [{ topic: 'said', text: 'Please tell us what you think of this report.' }];
  // The number and the address on a line of their own, with no full stop to be taken as part of them.
  if (contact?.phone) rows.push({ topic: 'phone', lead: 'Phone us on:', text: contact.phone });
  if (contact?.email) rows.push({ topic: 'email', lead: 'Email us at:', text: contact.email });
  if (!contact) rows.push({ topic: 'council', text: 'Ask the council for the team that wrote this report.' });
  return rows;
}
