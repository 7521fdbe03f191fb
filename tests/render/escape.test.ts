import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCell, escapeText, PLAIN, serialiseCell, serialiseText } from '../../src/render/escape.js';

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
