import type { HelperDelegate } from 'handlebars';
import { ukDate } from '../periods/periods.js';
import { formatMoney, plural } from '../model/words.js';
import { escapeCell, escapeInline, escapeText, imageMarkdown, phrasesMarkdown } from './escape.js';

/**
 * The helpers templates may use. Templates are compiled with
 * `knownHelpersOnly`, so a helper not listed here is an error when the
 * template is loaded.
 */
export const HELPERS: Record<string, HelperDelegate> = {
  /** A value in running text or at a line start. */
  text: (value: unknown) => escapeText(value),
  /** A value that must stay on one line (headings, labels). */
  inline: (value: unknown) => escapeInline(value),
  /** A value inside a table cell. */
  cell: (value: unknown) => escapeCell(value),
  /** £1,200 */
  money: (value: unknown) => formatMoney(Number(value)),
  /** "20 June 2023" from an ISO date. */
  ukDate: (value: unknown) => ukDate(String(value)),
  /** `{{plural n "activity" "activities"}}` → "3 activities". */
  plural: (n: unknown, one: unknown, many: unknown) =>
    plural(Number(n), String(one), typeof many === 'string' ? many : `${String(one)}s`),
  /** A chart as a Markdown image beside the paper: `![alt](file "title")`; nothing when charts are off. */
  chart: (value: unknown) => {
    const chart = value as { file?: unknown; alt?: unknown; title?: unknown } | undefined;
    if (!chart || typeof chart.file !== 'string') return '';
    return imageMarkdown(
      chart.file,
      typeof chart.alt === 'string' ? chart.alt : '',
      typeof chart.title === 'string' ? chart.title : '',
    );
  },
  /** An Easy Read picture as a Markdown image, `![alt](file)`, to start its row's paragraph. */
  picture: (value: unknown) => {
    const picture = value as { file?: unknown; alt?: unknown } | undefined;
    if (!picture || typeof picture.file !== 'string') return '';
    return imageMarkdown(picture.file, typeof picture.alt === 'string' ? picture.alt : '', '');
  },
  /** Words in parts (`[{ text, bold }]`), with the bold ones in bold: an Easy Read row's words. */
  phrases: (value: unknown) =>
    phrasesMarkdown(
      Array.isArray(value)
        ? value.map((p: { text?: unknown; bold?: unknown }) => ({
            text: typeof p.text === 'string' ? p.text : '',
            bold: p.bold === true,
          }))
        : [],
    ),
  /** `{{#if (eq a b)}}` */
  eq: (a: unknown, b: unknown) => a === b,
};
