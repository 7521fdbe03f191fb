/**
 * Deterministic randomness for the synthetic council: one seeded stream, so
 * the same seed always gives the same council.
 */

/** mulberry32: a tiny, fast PRNG with a 32-bit state; good enough for test data. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded helpers: int(min, max), pick, chance, weighted and sample, all drawing from one mulberry32 stream. */
export function randomTools(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** Picks by weight from `[[value, weight], ...]`. */
  const weighted = (pairs) => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  /** `k` distinct items of `list`, in list order. */
  const sample = (list, k) => {
    const idx = list.map((_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(next() * (idx.length - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, k)
      .sort((x, y) => x - y)
      .map((i) => list[i]);
  };
  return { next, int, pick, chance, weighted, sample };
}
