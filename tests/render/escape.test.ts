import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeCell,
  escapeText,
  phrasesMarkdown,
  PLAIN,
  serialiseCell,
  serialiseText,
} from '../../src/render/escape.js';
import { normalise, parseMarkdown, readText } from '../helpers/markdown.js';

/** Strings built from the characters the shortcut lets through, plus a few that look like Markdown. */
const plainish = fc
  .array(
    fc.constantFrom(
      ...'ab1 9,;:.\'"?£%/@()’‘“”–—-ÉéحΩ'.split(''),
      'www.',
      'http:',
      '1.',
      '1)',
      '--',
      '...',
      'e.g.',
      '(a)',
      ' - ',
      ': ',
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => parts.join('').trim());

describe('the escaping shortcut for plain text', () => {
  it('agrees with the serialiser on every value it lets through', () => {
    fc.assert(
      fc.property(plainish, (s) => {
        if (!PLAIN.test(s)) return;
        expect(serialiseText(s)).toBe(s);
        expect(serialiseCell(s)).toBe(s);
      }),
      { seed: 20230701, numRuns: 2000 },
    );
  });

  it('sends anything that could start a list or other construct to the serialiser', () => {
    for (const s of [
      '1. first',
      '2) second',
      '- item',
      '# heading',
      '> quote',
      '*bold*',
      'a | b',
      'a\nb',
      '[link](x)',
      '<br>',
      'a & b',
      'x_y_',
      '`code`',
    ]) {
      expect(PLAIN.test(s), s).toBe(false);
    }
    expect(escapeText('1. first')).toBe('1\\. first');
    expect(escapeCell('a | b')).toBe('a \\| b');
  });

  it('lets ordinary sentences through unchanged', () => {
    for (const s of [
      'The group met twice (in May and June).',
      'Residents said: more notice, please.',
      'Spend was £1,200 - within budget.',
    ]) {
      expect(PLAIN.test(s), s).toBe(true);
      expect(escapeText(s)).toBe(s);
    }
  });
});

describe("an Easy Read row's words in parts (the phrases helper)", () => {
  it('reads back as the same words, with exactly the bold parts in bold, whatever they hold', () => {
    const part = fc.record({ text: fc.string({ minLength: 1, maxLength: 12 }), bold: fc.boolean() });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        // Words as a row holds them: one line, bold parts that do not start or end with a space.
        const clean = parts
          .map((p) => ({ text: p.text.replace(/\s+/g, ' '), bold: p.bold }))
          .map((p) => (p.bold ? { ...p, text: p.text.trim() } : p))
          .filter((p) => p.text.trim() !== '');
        if (clean.length === 0) return;
        const tree = parseMarkdown(`![A picture](p.png) ${phrasesMarkdown(clean)}`);
        const paragraph = tree.children[0];
        expect(paragraph?.type).toBe('paragraph');
        if (paragraph?.type !== 'paragraph') return;
        expect(paragraph.children[0]?.type).toBe('image');
        const strong = paragraph.children.filter((c) => c.type === 'strong').map(readText);
        const bold = clean.filter((p) => p.bold).map((p) => p.text);
        expect(strong.join('|').replace(/\s+/g, ' ')).toBe(bold.join('|').replace(/\s+/g, ' '));
        expect(normalise(readText(paragraph))).toBe(normalise(clean.map((p) => p.text).join('')));
      }),
      { seed: 20240101, numRuns: 500 },
    );
  });
});
