import type { Diagnostic, Position } from './diagnostic.js';

/**
 * What the formatters need of a data file: the path it is shown by, its text
 * and its line starts. The loader's `SourceFile` is one; diagnostics know
 * nothing else of loading.
 */
export interface DiagnosedFile {
  path: string;
  text: string;
  lineCounter: { lineStarts: readonly number[]; linePos(offset: number): { line: number; col: number } };
}

/** Line and column (1-based) of an offset in a source. */
export function positionOf(source: DiagnosedFile | undefined, offset: number): Position {
  if (!source) return { line: 1, column: 1 };
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/** Start and end positions of a diagnostic, when it has a range. */
export function positionsOf(d: Diagnostic, sources: ReadonlyMap<string, DiagnosedFile>) {
  if (!d.range) return undefined;
  const source = sources.get(d.file);
  return { start: positionOf(source, d.range[0]), end: positionOf(source, d.range[1]) };
}

/** A map from shown path to source, for the formatters. */
export function sourceMap<S extends DiagnosedFile>(sources: readonly (S | undefined)[]): Map<string, S> {
  return new Map(sources.filter((s): s is S => s !== undefined).map((s) => [s.path, s]));
}
