import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/convert.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { escapeCell, escapeText } from '../../src/render/escape.js';
import { wordParagraphs, xmlParts } from './read.js';

const META: DocumentMeta = {
  title: 'Property',
  subject: 'Property',
  author: 'Council',
  language: 'en-GB',
  shortTitle: 'Property',
};

/** Pieces that mean something to Markdown, tables, HTML or Unicode layout, mixed with arbitrary text. */
const TRICKY = [
  '|',
  '#',
  '# ',
  '## ',
  '\n',
  '\r\n',
  '\t',
  '*',
  '**',
  '_',
  '`',
  '~',
  '\\',
  '<br>',
  '<b>',
  '&amp;',
  '&',
  '[a](b)',
  '![x](y)',
  '1. ',
  '2.1 ',
  '- ',
  '+ ',
  '> ',
  '---',
  '===',
  '  ',
  ' ',
  '👩🏽‍🦯',
  '\u200F',
  '\u202E',
  'e\u0301',
  'ا',
  'שלום',
  '£',
  '’',
  '"',
  "'",
  '<!-- -->',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim() !== '');

/** A Word paragraph starting "2.1 " is a numbered paragraph: the space after the number becomes a tab. */
function asNumbered(s: string): string {
  return s.replace(/^(\d+(?:\.\d+)+\.?)[ \t]+/, '$1\t');
}

describe('any text survives the escape helpers, Markdown and DOCX', () => {
  it('in a paragraph and in a table cell', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        const markdown = `# Title\n\n${escapeText(value)}\n\n| Heading |\n| --- |\n| ${escapeCell(value)} |\n`;
        const paragraphs = wordParagraphs(xmlParts(await markdownToDocx(markdown, META)).get('word/document.xml')!);
        // The escape helpers trim a value: whitespace around a paragraph or cell carries no meaning.
        const lines = value.replace(/\r\n?/g, '\n').trim();
        const body = paragraphs.filter((p) => !p.cell && p.style === '' && p.text !== '');
        if (lines === '') {
          expect(body).toHaveLength(0);
        } else {
          expect(body).toHaveLength(1);
          expect(body[0].text).toBe(asNumbered(lines));
        }
        const cell = paragraphs.find((p) => p.cell?.row === 1);
        expect(cell?.text ?? '').toBe(lines);
      }),
      { seed: 20230401, numRuns: 50 },
    );
  });
});
