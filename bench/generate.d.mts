/** Types for generate.mjs, for the TypeScript tests that import it. */
export declare const SAMPLE_DIR: string;
export declare const MARKER: string;
export declare const SIZES: { S: undefined; M: number; L: number };
export declare const QUARTERS: readonly string[];
export declare function generateCouncil(options: { activities?: number; seed?: number; out: string }): GeneratedCouncil;
export interface GeneratedCouncil {
  activities: number | null;
  seed: number | null;
  quarters: number | null;
  files: number;
  bytes: number;
  largestFileBytes: number;
}
