/**
 * Sentences and words as the Easy Read rules count them: a sentence ends
 * with a full stop, question mark or exclamation mark followed by a space
 * (or the end); a word is anything between spaces with a letter or a digit
 * in it, so "020 7946 0001" is three words and "£1,200" one.
 */

/** Easy Read guidance (Mencap; Inclusion Europe): at most this many words in a sentence. */
export const MAX_WORDS = 15;

/** The sentences of a text. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** How many words a sentence has. */
export function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The longest sentence of a text, in words (0 for no text). */
export function longestSentence(text: string): number {
  return Math.max(0, ...sentencesOf(text).map(wordCount));
}
