/**
 * Small numbers, never published: the one place papers decide how a count of
 * residents in a group is shown. Pure; see docs/privacy-and-reach.md.
 *
 * A column is the counts of one reach dimension in one period, every resident
 * involved in exactly one cell (the council's groups, "prefer not to say" and
 * "not recorded"), so its total is the residents involved, which papers print
 * anyway. A reader therefore knows the total, every published count, and for
 * each hidden cell a range; the sum of the hidden cells is the total minus the
 * published ones. The method:
 *
 * 1. **Primary**: a count from 1 to the threshold is shown as "fewer than
 *    threshold + 1". Zero is shown.
 * 2. **Secondary**: while the hidden cells' known sum would let a reader pin a
 *    hidden cell to one value, or narrow a small count below its whole range
 *    1..threshold, the smallest published non-zero count that makes the column
 *    safe is hidden too ("not shown"); when none does alone, the largest is,
 *    and the check repeats.
 * 3. **Withheld**: when hiding every non-zero count is still not safe, the
 *    whole column is "not shown".
 *
 * The check assumes a reader who knows the method: a count hidden in step 2
 * is above the threshold. Percentages are only ever of published counts.
 */

/** How one count is published. */
export type Shown = { kind: 'count'; value: number } | { kind: 'small' } | { kind: 'hidden' };

/** What a reader knows of one cell: its smallest and largest possible value. */
export interface Bounds {
  lo: number;
  hi: number;
}

/** "fewer than 5" for the default threshold 4. */
export function fewerThan(threshold: number): string {
  return `fewer than ${threshold + 1}`;
}

/**
 * The values cell `i` can take, given every cell's bounds and the known sum of
 * the cells in `cells`: the smallest and largest, as a range (integer
 * solutions of a sum of boxed variables form an interval). Exported for tests.
 */
export function feasibleRange(i: number, bounds: readonly Bounds[], cells: readonly number[], sum: number): Bounds {
  let othersLo = 0;
  let othersHi = 0;
  for (const j of cells) {
    if (j === i) continue;
    othersLo += bounds[j]!.lo;
    othersHi += bounds[j]!.hi;
  }
  return { lo: Math.max(bounds[i]!.lo, sum - othersHi), hi: Math.min(bounds[i]!.hi, sum - othersLo) };
}

/** What a reader who knows the method can tell of each hidden cell before adding up. */
function readerBounds(values: readonly number[], hidden: readonly boolean[], threshold: number): Bounds[] {
  return values.map((v, i) => {
    if (!hidden[i]) return { lo: v, hi: v };
    if (v >= 1 && v <= threshold) return { lo: 1, hi: threshold };
    // Hidden to protect another cell: only counts above the threshold are.
    return { lo: threshold + 1, hi: Infinity };
  });
}

/**
 * True when no hidden cell can be pinned to one value and a reader can tell
 * nothing of a small count beyond "from 1 to the threshold".
 */
export function isSafe(values: readonly number[], hidden: readonly boolean[], threshold: number): boolean {
  const cells = values.flatMap((_, i) => (hidden[i] ? [i] : []));
  if (cells.length === 0) return true;
  const bounds = readerBounds(values, hidden, threshold);
  const sum = cells.reduce((a, i) => a + values[i]!, 0);
  return cells.every((i) => {
    const range = feasibleRange(i, bounds, cells, sum);
    const small = values[i]! >= 1 && values[i]! <= threshold;
    return small ? range.lo === 1 && range.hi === threshold : range.hi > range.lo;
  });
}

/** How each count of a column is published. */
export function suppressColumn(values: readonly number[], threshold: number): Shown[] {
  const small = values.map((v) => v >= 1 && v <= threshold);
  const hidden = [...small];
  let withheld = false;
  while (!isSafe(values, hidden, threshold)) {
    const candidates = values
      .map((v, i) => ({ v, i }))
      .filter(({ v, i }) => !hidden[i] && v > 0)
      .sort((a, b) => a.v - b.v || a.i - b.i);
    if (candidates.length === 0) {
      withheld = true;
      break;
    }
    const enough = candidates.find(({ i }) =>
      isSafe(
        values,
        hidden.map((h, j) => h || j === i),
        threshold,
      ),
    );
    hidden[(enough ?? candidates.at(-1)!).i] = true;
  }
  return values.map((v, i): Shown =>
    withheld || (hidden[i] && !small[i])
      ? { kind: 'hidden' }
      : hidden[i]
        ? { kind: 'small' }
        : { kind: 'count', value: v },
  );
}
