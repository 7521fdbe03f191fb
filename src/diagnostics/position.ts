import type { SourceFile } from '../load/source.js';
import type { Diagnostic, Position } from '../validate/diagnostic.js';

/** Line and column (1-based) of an offset in a source. */
export function positionOf(source: SourceFile | undefined, offset: number): Position {
  if (!source) return { line: 1, column: 1 };
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/** Start and end positions of a diagnostic, when it has a range. */
export function positionsOf(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>) {
  if (!d.range) return undefined;
  const source = sources.get(d.file);
  return { start: positionOf(source, d.range[0]), end: positionOf(source, d.range[1]) };
}

/** A map from shown path to source, for the formatters. */
export function sourceMap(sources: readonly (SourceFile | undefined)[]): Map<string, SourceFile> {
  return new Map(sources.filter((s): s is SourceFile => s !== undefined).map((s) => [s.path, s]));
}
