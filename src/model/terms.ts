import type { Dataset } from '../validate/dataset.js';
import { listInWords } from './words.js';

/**
 * The words a paper uses for the council's own framework, committees, board
 * and area, from `council.yaml` and `framework.yaml`. Nothing in a paper
 * names the sample council's framework or committees unless these say so.
 */
export interface Terms {
  /** "borough", "city". */
  area: string;
  /** What a paper calls its committee: "Committee", "Panel". */
  committee: string;
  /** The kind of committee: "Policy and Accountability Committee". */
  committeeType: string;
  /** "Policy and Accountability Committees". */
  committeeTypePlural: string;
  /** "PAC", when the council uses one. */
  committeeAbbreviation: string | undefined;
  /** What the summary calls the board: "Board", "Commission". */
  board: string;
  /** One framework item, lower case: "recommendation", "commitment". */
  item: string;
  /** "recommendations". */
  items: string;
  /** "Recommendation". */
  Item: string;
  /** "Recommendations". */
  Items: string;
  /** "the eight recommendations of the Disabled People's Commission". */
  framework: string;
  /** The framework's name: "Disabled People's Commission recommendations". */
  frameworkName: string;
  /** Whose items they are: "the Disabled People's Commission". */
  frameworkOf: string;
  /** A short name for headings: "DPC recommendations". */
  frameworkShortName: string;
  /** How many items the framework has. */
  size: number;
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** "eight" for 8; numerals from 13 on, as house styles write them. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? n.toLocaleString('en-GB');
}

/** "recommendation" → "Recommendation". */
export function capitalise(word: string): string {
  return word.length === 0 ? word : word[0]!.toUpperCase() + word.slice(1);
}

/** The council's words, with the sample's as defaults. */
export function termsOf(dataset: Dataset): Terms {
  const t = dataset.council.terms;
  const f = dataset.framework;
  const item = f.item;
  const items = f.itemPlural ?? `${item}s`;
  const size = f.recommendations.length;
  return {
    area: t.area,
    committee: t.committee.word,
    committeeType: t.committee.type,
    committeeTypePlural: t.committee.plural ?? `${t.committee.type}s`,
    committeeAbbreviation: t.committee.abbreviation,
    board: t.board.word,
    item,
    items,
    Item: capitalise(item),
    Items: capitalise(items),
    framework: `the ${numberWord(size)} ${size === 1 ? item : items} of ${f.itemsOf ?? `the ${f.name}`}`,
    frameworkName: f.name,
    frameworkOf: f.itemsOf ?? `the ${f.name}`,
    frameworkShortName: f.shortName ?? f.name,
    size,
  };
}

/**
 * A committee's name shortened with the council's abbreviation:
 * "Economy Policy and Accountability Committee" → "Economy PAC". A name that
 * does not end in the kind of committee is kept whole.
 */
export function shortCommitteeName(
  name: string,
  terms: Pick<Terms, 'committeeType' | 'committeeAbbreviation'>,
): string {
  const trimmed = name.trim();
  const abbreviation = terms.committeeAbbreviation;
  if (!abbreviation) return trimmed;
  const type = terms.committeeType;
  if (trimmed.length > type.length && trimmed.toLowerCase().endsWith(` ${type.toLowerCase()}`)) {
    return `${trimmed.slice(0, trimmed.length - type.length).trimEnd()} ${abbreviation}`;
  }
  return trimmed;
}

/**
 * A committee's name in everyday words, for Easy Read: a name that ends in
 * the kind of committee ends in the council's word for it instead
 * ("Economy Policy and Accountability Committee" → "Economy Committee",
 * "Housing Scrutiny Panel" → "Housing Panel"). Any other name is kept whole.
 */
export function plainCommitteeName(name: string, terms: Pick<Terms, 'committeeType' | 'committee'>): string {
  const trimmed = name.trim();
  const type = terms.committeeType;
  if (trimmed.length > type.length && trimmed.toLowerCase().endsWith(` ${type.toLowerCase()}`))
    return `${trimmed.slice(0, trimmed.length - type.length).trimEnd()} ${terms.committee}`;
  return trimmed;
}

/** "item 3" or "items 2, 3 and 8", with a capital when it starts a sentence. */
export function itemNumbers(
  terms: Pick<Terms, 'item' | 'items'>,
  numbers: readonly (number | string)[],
  capital = false,
): string {
  const word = numbers.length === 1 ? terms.item : terms.items;
  return `${capital ? capitalise(word) : word} ${listInWords(numbers.map(String))}`;
}
