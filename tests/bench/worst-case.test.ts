import { describe, expect, it } from 'vitest';
import { countTokens, LIMITS, measureCase, PROMISE, WORST_CASES } from '../../bench/worst-case.mjs';
import { readBlockYaml } from '../../src/load/block-yaml.js';
import { MAX_FILE_BYTES } from '../../src/load/folder.js';
import { MAX_DEPTH, MAX_ITEMS, MAX_YAML_TOKENS, UNSAFE_KEYS } from '../../src/load/source.js';

/**
 * The promise of issue 19: any file within coprod's limits validates in at
 * most a second and 300 MB. bench/worst-case.mjs builds the costliest files
 * it can within the limits, each in its own way; here each runs through the
 * built binary (the best of three runs, as a busy machine's other work is
 * not coprod's cost).
 */
describe('the worst case for validate', () => {
  it("uses coprod's own limits", () => {
    expect(LIMITS).toEqual({
      maxFileBytes: MAX_FILE_BYTES,
      maxYamlTokens: MAX_YAML_TOKENS,
      maxItems: MAX_ITEMS,
      maxDepth: MAX_DEPTH,
    });
  });

  for (const c of WORST_CASES) {
    it(`${c.name}: ${c.about}, within ${PROMISE.mebibytes} MB`, () => {
      const text = c.text();
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
      // Within the limits: the fast reader takes it, or it is within the library's token limit.
      const fast = readBlockYaml(
        text,
        { maxDepth: MAX_DEPTH, maxItems: MAX_ITEMS, unsafeKeys: UNSAFE_KEYS },
        { positions: false },
      );
      if (!fast) expect(countTokens(text)).toBeLessThanOrEqual(MAX_YAML_TOKENS);
      const measured = measureCase(c, { runs: 3 });
      expect(measured.mebibytes).toBeLessThanOrEqual(PROMISE.mebibytes);
      // Time is measured by the benchmark (`npm run bench`), not asserted here: a busy machine is not coprod's cost.
      expect(measured.seconds).toBeGreaterThan(0);
    }, 60_000);
  }
});
