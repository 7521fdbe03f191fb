import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleRange, fewerThan, isSafe, suppressColumn, type Shown } from '../../src/model/suppress.js';

const T = 4;
const kinds = (shown: Shown[]) =>
  shown.map((s) => (s.kind === 'count' ? s.value : s.kind === 'small' ? 'small' : 'hidden'));

describe('suppressColumn: small numbers never published', () => {
  it('publishes a column with no count from 1 to the threshold as it is, zeros included', () => {
    expect(kinds(suppressColumn([12, 0, 5, 9], T))).toEqual([12, 0, 5, 9]);
  });

  it('hides a lone small count and the smallest other count that keeps it from being worked out from the total', () => {
    // 3 alone could be read off the total; with 5 hidden too the reader knows 3 + x = 8, x ≥ 5 → 3 pinned below 4; 9 leaves 1..4 open.
    expect(kinds(suppressColumn([20, 3, 5, 9, 0], T))).toEqual([20, 'small', 5, 'hidden', 0]);
  });

  it('leaves two small counts alone when their sum leaves each anything from 1 to 4', () => {
    expect(kinds(suppressColumn([20, 2, 3], T))).toEqual([20, 'small', 'small']);
  });

  it('hides more when two small counts pin each other (1 + 1, or 4 + 4)', () => {
    expect(kinds(suppressColumn([20, 1, 1, 30], T))).toEqual(['hidden', 'small', 'small', 30]);
    expect(kinds(suppressColumn([20, 4, 4, 30], T))).toEqual(['hidden', 'small', 'small', 30]);
  });

  it('withholds the whole column when nothing else can hide a small count', () => {
    expect(kinds(suppressColumn([3, 0, 0], T))).toEqual(['hidden', 'hidden', 'hidden']);
    expect(kinds(suppressColumn([1, 1, 1], T))).toEqual(['hidden', 'hidden', 'hidden']);
  });

  it('says "fewer than" the threshold plus one', () => {
    expect(fewerThan(4)).toBe('fewer than 5');
    expect(fewerThan(9)).toBe('fewer than 10');
  });

  it("feasibleRange is what a reader can work out from the hidden cells' sum", () => {
    const bounds = [
      { lo: 1, hi: 4 },
      { lo: 5, hi: Infinity },
    ];
    expect(feasibleRange(0, bounds, [0, 1], 8)).toEqual({ lo: 1, hi: 3 });
    expect(feasibleRange(1, bounds, [0, 1], 8)).toEqual({ lo: 5, hi: 7 });
  });

  it('any column: the result is safe, small counts are never shown, and only cells that had to be are hidden', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 40 }), { minLength: 2, maxLength: 9 }),
        fc.integer({ min: 2, max: 10 }),
        (values, threshold) => {
          const shown = suppressColumn(values, threshold);
          const withheld = shown.every((s) => s.kind === 'hidden');
          values.forEach((v, i) => {
            if (v >= 1 && v <= threshold) expect(shown[i].kind).not.toBe('count');
            if (shown[i].kind === 'count') expect((shown[i] as { value: number }).value).toBe(v);
          });
          if (!withheld)
            expect(
              isSafe(
                values,
                shown.map((s) => s.kind !== 'count'),
                threshold,
              ),
            ).toBe(true);
          if (values.every((v) => v === 0 || v > threshold)) expect(kinds(shown)).toEqual(values);
        },
      ),
      { seed: 20, numRuns: 2000 },
    );
  });
});
