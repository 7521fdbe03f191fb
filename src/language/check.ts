import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { PLAIN_WORDS, SOCIAL_MODEL_PHRASES, type Phrase } from './phrases.js';

/** What the language check looks for. */
export type LanguageRule = 'social-model-language' | 'complex-word' | 'hard-to-read';

export const LANGUAGE_RULES: readonly LanguageRule[] = ['social-model-language', 'complex-word', 'hard-to-read'];

/** One finding in a piece of text, with offsets into that text. */
export interface LanguageFinding {
  rule: LanguageRule;
  /** Offsets of the words concerned in the text checked, end exclusive. */
  start: number;
  end: number;
  /** The words as written. */
  actual: string;
  /** The wording to use instead; empty when the words can simply go, or for a long sentence. */
  suggestion: string;
}

/** A council's settings for the check (`language:` in council.yaml), already validated. */
export interface LanguageSettings {
  /** Rules switched off. */
  off?: readonly LanguageRule[];
  /** More phrases to flag as medical-model language, with what to use instead. */
  phrases?: readonly Phrase[];
  /** Words and phrases never flagged. */
  allow?: readonly string[];
}

/**
 * Sentences shorter than this are not scored for readability: plain-English
 * guidance keeps sentences to 15 to 20 words, 25 at most.
 */
const READABILITY_MIN_WORDS = 25;
/** A sentence this long is hard to read whatever the formulas say: it is reported without scoring. */
const TOO_LONG_WORDS = 60;
/** At most this many long sentences of one text are scored: enough to show the writer the pattern, and a text of a megabyte stays quick. */
const MAX_SCORED = 10;

/** A checker for one council's settings: made once, used for every text. */
export interface LanguageChecker {
  /** The findings in a text; with `sentences: false`, phrases only (no readability scoring). */
  check(text: string, options?: { sentences?: boolean }): LanguageFinding[];
}

/** Phrases that are nouns for people only when a function word (or nothing) follows them. */
const NOUN_PHRASES = /^the (disabled|handicapped|blind|deaf|mentally ill)$/;

/**
 * Words that may follow "the disabled" when it stands for people ("the
 * disabled and their carers"). Any other word makes it an adjective ("the
 * Disabled People's Commission", "the disabled parking bay"), not flagged.
 */
const AFTER_A_NOUN = new Set([
  'and',
  'or',
  'but',
  'to',
  'in',
  'of',
  'for',
  'with',
  'who',
  'that',
  'are',
  'were',
  'is',
  'was',
  'have',
  'has',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'must',
  'at',
  'on',
  'from',
  'as',
  'by',
  'than',
  'do',
  'did',
]);

/**
 * The plain-language check. Phrases (social-model and plain words) are found
 * with one pattern per list, so checking every text a council records costs
 * little; a text long enough to hold a sentence of 25 words or more is read
 * by retext (retext-english for sentences, retext-readability for seven
 * readability formulas). Everything it reports is a warning with a
 * suggestion, never an error.
 */
export function languageChecker(settings: LanguageSettings = {}): LanguageChecker {
  const off = new Set(settings.off ?? []);
  const allow = new Set((settings.allow ?? []).map(normalise));
  const lists: [LanguageRule, readonly Phrase[]][] = [
    ['social-model-language', [...SOCIAL_MODEL_PHRASES, ...(settings.phrases ?? [])]],
    ['complex-word', PLAIN_WORDS],
  ];
  const finders = lists
    .filter(([rule]) => !off.has(rule))
    .map(([rule, phrases]) =>
      phraseFinder(
        rule,
        phrases.filter((p) => !allow.has(normalise(p.find))),
      ),
    );
  const readability = off.has('hard-to-read')
    ? undefined
    : // retext-readability's own judgement (a reading age over 16 by four of its seven formulas), on long sentences only.
      (unified()
        .use(retextEnglish)
        .use(retextReadability, { minWords: READABILITY_MIN_WORDS })
        .freeze() as unknown as Processor<Root>);

  return {
    check(text, { sentences = true } = {}) {
      const found = finders.flatMap((find) => find(text)).filter((f) => !allow.has(normalise(f.actual)));
      if (readability && sentences) {
        for (const sentence of longSentences(text).slice(0, MAX_SCORED)) {
          if (sentence.words > TOO_LONG_WORDS)
            found.push({
              rule: 'hard-to-read',
              start: sentence.start,
              end: sentence.start + sentence.text.length,
              actual: sentence.text,
              suggestion: '',
            });
          else found.push(...hardSentences(readability, sentence.text, sentence.start));
        }
      }
      return found.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
    },
  };
}

/** Finds every phrase of a list in a text, whole words only, whatever the case, a hyphen or any spaces between words. */
function phraseFinder(rule: LanguageRule, phrases: readonly Phrase[]): (text: string) => LanguageFinding[] {
  if (phrases.length === 0) return () => [];
  const byPhrase = new Map(phrases.map((p) => [normalise(p.find), p.use]));
  // Longest first, so "the mentally ill" wins over a shorter phrase inside it.
  const alternatives = [...byPhrase.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((p) => p.split(' ').map(escapeRegExp).join('[\\s\\-]+'));
  const pattern = new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gi');
  return (text) => {
    const out: LanguageFinding[] = [];
    for (const m of text.matchAll(pattern)) {
      const phrase = normalise(m[0]);
      if (NOUN_PHRASES.test(phrase) && !usedAsNoun(text.slice(m.index + m[0].length))) continue;
      out.push({
        rule,
        start: m.index,
        end: m.index + m[0].length,
        actual: m[0],
        suggestion: byPhrase.get(phrase) ?? '',
      });
    }
    return out;
  };
}

/** Whether what follows a phrase such as "the disabled" makes it a noun for people: nothing, punctuation or a function word. */
function usedAsNoun(after: string): boolean {
  const next = /^\s*([\p{L}']+)/u.exec(after);
  return next === null || AFTER_A_NOUN.has(next[1]!.toLowerCase());
}

/**
 * The stretches of a text between full stops (or question or exclamation
 * marks) with at least {@link READABILITY_MIN_WORDS} words: a quick first
 * cut, so retext reads only the few sentences that may be too hard.
 */
function longSentences(text: string): { text: string; start: number; words: number }[] {
  const out: { text: string; start: number; words: number }[] = [];
  if (wordCount(text) < READABILITY_MIN_WORDS) return out;
  for (const m of text.matchAll(/[^.!?]+(?:[.!?]+|$)/g)) {
    const words = wordCount(m[0]);
    if (words < READABILITY_MIN_WORDS) continue;
    // The stretch as retext would see it: without the spaces that lead into it.
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ text: m[0].slice(lead).trimEnd(), start: m.index + lead, words });
    if (out.length > MAX_SCORED) break;
  }
  return out;
}

/** Sentences most readability formulas find too hard, as retext-readability reports them, at their offsets in the whole text. */
function hardSentences(processor: Processor<Root>, text: string, offset: number): LanguageFinding[] {
  const file = new VFile(text);
  processor.runSync(processor.parse(file), file);
  const out: LanguageFinding[] = [];
  for (const message of file.messages) {
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
    if (start !== undefined && end !== undefined)
      out.push({
        rule: 'hard-to-read',
        start: offset + start,
        end: offset + end,
        actual: text.slice(start, end),
        suggestion: '',
      });
  }
  return out;
}

function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function normalise(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
