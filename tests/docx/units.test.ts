import { describe, expect, it } from 'vitest';
import { contrastOnWhite } from '../../src/docx/check.js';
import { sourceDateEpochFrom } from '../../src/docx/dates.js';
import { imageInfo } from '../../src/docx/logo.js';
import { columnWidths } from '../../src/docx/widths.js';
import { UsageError } from '../../src/errors.js';

describe('column widths', () => {
  it('always add up to the text width, in whole DXA', () => {
    for (const cells of [
      [['a']],
      [
        ['Recommendation', 'Activities', 'Status'],
        ['1. Creating a co-production culture', '1', 'Amber: some progress, with risks'],
      ],
      [['x'.repeat(400), 'y', 'z']],
    ]) {
      const widths = columnWidths(cells, 9638, 132);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(9638);
      for (const w of widths) expect(Number.isInteger(w) && w > 0).toBe(true);
    }
  });

  it('keep a column of short numbers narrow and give prose the room, without splitting header words', () => {
    const [measure, text, count] = columnWidths(
      [
        ['Measure', 'How we will know things are getting better', 'Activities this quarter'],
        [
          '1.1',
          'The UN Convention and the social model of disability are being used as the guide for planning and writing all policy.',
          '1',
        ],
      ],
      9638,
      132,
    );
    expect(text).toBeGreaterThan(measure * 3);
    // "Measure" and "Activities" in bold fit on one line.
    expect(measure).toBeGreaterThan('Measure'.length * 132 * 1.1 + 230);
    expect(count).toBeGreaterThan('Activities'.length * 132 * 1.1 + 230);
  });

  it("give a header word wider than its column's values room for wide letters, so it never breaks mid-word", () => {
    // As Northfield's papers set it: Verdana at 14 point, whose letters are wider than the average the widths assume.
    const [measure] = columnWidths(
      [
        ['Measure', 'How we will know things are getting better'],
        ['2.1', 'Letters and guides to council tenants are tested with Disabled tenants before they are sent.'],
      ],
      9638,
      160,
    );
    expect(measure).toBeGreaterThanOrEqual(Math.floor('Measure'.length * 1.1 * 160 * 1.2 + 270));
  });
});

describe('image headers', () => {
  it('reads the size of a PNG and a JPEG, and refuses anything else', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d494844520000004000000020080200000000000000', 'hex');
    expect(imageInfo(png)).toEqual({ type: 'png', width: 64, height: 32 });
    // SOI, an APP0 segment of 16 bytes, then a baseline start-of-frame: 8 bits, 48 high, 300 wide.
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0000b080030012c01011100', 'hex');
    expect(imageInfo(jpeg)).toEqual({ type: 'jpg', width: 300, height: 48 });
    expect(imageInfo(Buffer.from('GIF89a....'))).toBeUndefined();
    expect(imageInfo(new Uint8Array())).toBeUndefined();
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('is read as whole seconds, ignored when empty and refused when malformed', () => {
    expect(sourceDateEpochFrom({ SOURCE_DATE_EPOCH: '1688169600' })).toBe(1688169600);
    expect(sourceDateEpochFrom({ SOURCE_DATE_EPOCH: '' })).toBeUndefined();
    expect(sourceDateEpochFrom({})).toBeUndefined();
    expect(() => sourceDateEpochFrom({ SOURCE_DATE_EPOCH: '-5' })).toThrow(UsageError);
    expect(() => sourceDateEpochFrom({ SOURCE_DATE_EPOCH: '1.5' })).toThrow(UsageError);
  });
});

describe('contrast', () => {
  it('follows WCAG: black is 21:1, white 1:1, Word link blue passes AA', () => {
    expect(contrastOnWhite('000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastOnWhite('0563C1')).toBeGreaterThan(4.5);
    expect(contrastOnWhite('1F3864')).toBeGreaterThan(4.5);
  });
});
