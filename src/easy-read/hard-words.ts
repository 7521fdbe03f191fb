import type { Terms } from '../model/terms.js';
import type { PictureTopic } from '../schema/council.js';

/** A hard word of the Easy Read companion: how it is written, the forms it takes, and what it means. */
export interface HardWord {
  /** As the "Hard words" page lists it. */
  word: string;
  /** Whole-word patterns that count as a use: plurals and other forms. */
  forms: string[];
  /** What it means, in short sentences. */
  explanation: string;
  /** Its picture on the "Hard words" page. */
  topic: PictureTopic;
}

/**
 * The built-in hard words, in the council's own words: what it calls its
 * committees, its board and the items of its framework. A word is listed on
 * the "Hard words" page only when the companion uses it.
 */
export function builtInHardWords(terms: Terms): HardWord[] {
  return [
    {
      word: 'Easy Read',
      forms: ['Easy Read'],
      explanation: 'Words and pictures that are easy to understand.',
      topic: 'paper',
    },
    {
      word: 'co-production',
      forms: ['co-production', 'co-produced', 'co-produce'],
      explanation:
        'Disabled residents and the council working together as equals. They plan and check services together.',
      topic: 'people',
    },
    {
      word: terms.committee,
      forms: [terms.committee, `${terms.committee}s`],
      explanation: `A group of councillors. A ${terms.committee} checks the work of part of the council.`,
      topic: 'meeting',
    },
    {
      word: terms.board,
      forms: [terms.board],
      explanation: `A group of councillors. The ${terms.board} checks the work of the whole council.`,
      topic: 'meeting',
    },
    {
      word: 'councillors',
      forms: ['councillor', 'councillors'],
      explanation: 'People elected by residents to make decisions for the council.',
      topic: 'council',
    },
    {
      word: terms.items,
      forms: [terms.item, terms.items],
      explanation: `Things the council has agreed to do. They help it work better with Disabled residents.`,
      topic: 'list',
    },
  ];
}

/**
 * The hard words for a council: the built-in ones, with council.yaml's
 * `easyRead.hardWords` explaining a built-in word its own way or adding words.
 */
export function hardWordsFor(terms: Terms, own: Readonly<Record<string, string>>): HardWord[] {
  const words = builtInHardWords(terms);
  for (const [word, explanation] of Object.entries(own)) {
    const same = words.find((w) => w.forms.some((f) => f.toLowerCase() === word.trim().toLowerCase()));
    if (same) same.explanation = explanation.trim();
    else words.push({ word: word.trim(), forms: [word.trim()], explanation: explanation.trim(), topic: 'words' });
  }
  return words;
}

/** A piece of a sentence: plain, or a hard word in bold. */
export interface Part {
  text: string;
  bold: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for a word's forms: whole words, any case, any spaces where the word has one. */
function wordPattern(word: HardWord): RegExp {
  const forms = [...word.forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.trim().split(/\s+/).map(escapeRegExp).join('\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
}

/**
 * Marks hard words in texts read in order: each word in bold where it is
 * first used, outside the names given (a committee called "… Committee" does
 * not count as a use of "Committee"). Returns each text as parts and the
 * words used, in the order of first use.
 */
export function markHardWords(
  texts: readonly string[],
  words: readonly HardWord[],
  names: readonly string[],
): { parts: Part[][]; used: HardWord[] } {
  const patterns = words.map((w) => ({ word: w, pattern: wordPattern(w) }));
  const used: HardWord[] = [];
  const parts = texts.map((text) => {
    const protectedRanges = names
      .filter((n) => n.trim() !== '')
      .flatMap((name) =>
        [...text.matchAll(new RegExp(escapeRegExp(name), 'gi'))].map((m) => [m.index, m.index + m[0].length] as const),
      );
    const inName = (start: number) => protectedRanges.some(([a, b]) => start >= a && start < b);
    const marks: { start: number; end: number; word: HardWord }[] = [];
    for (const { word, pattern } of patterns) {
      if (used.includes(word)) continue;
      for (const m of text.matchAll(pattern)) {
        const overlaps = marks.some((k) => m.index < k.end && m.index + m[0].length > k.start);
        if (inName(m.index) || overlaps) continue;
        marks.push({ start: m.index, end: m.index + m[0].length, word });
        break;
      }
    }
    marks.sort((a, b) => a.start - b.start);
    for (const mark of marks) used.push(mark.word);
    const out: Part[] = [];
    let at = 0;
    for (const mark of marks) {
      if (mark.start > at) out.push({ text: text.slice(at, mark.start), bold: false });
      out.push({ text: text.slice(mark.start, mark.end), bold: true });
      at = mark.end;
    }
    if (at < text.length) out.push({ text: text.slice(at), bold: false });
    return out;
  });
  return { parts, used };
}
