/** Types for worst-case.mjs, for the tests that import it. */
export interface WorstCase {
  name: string;
  about: string;
  text(): string;
}
export declare const LIMITS: { maxFileBytes: number; maxYamlTokens: number; maxItems: number; maxDepth: number };
export declare const PROMISE: { seconds: number; mebibytes: number };
export declare const WORST_CASES: readonly WorstCase[];
export declare function countTokens(text: string): number;
export declare function writeCase(c: WorstCase, dir: string): string;
export declare function measureCase(
  c: WorstCase,
  options?: { runs?: number; probe?: string },
): { name: string; seconds: number; mebibytes: number };
