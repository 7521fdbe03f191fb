import type { Range } from '../diagnostics/diagnostic.js';

/**
 * Where each value of a data file is written: a tree that mirrors the file's
 * plain data, kept instead of the parser's whole document so that
 * diagnostics can point into the file without holding every YAML node in
 * memory. Both readers (the fast one for plain block YAML and the `yaml`
 * library) build the same tree for the same text.
 *
 * Ranges are offsets into the decoded text. A value's range covers its text:
 * a scalar's characters (with its quotes, or a block scalar's header and
 * lines); a list or record runs from its first key or dash to the end of
 * its last value.
 */
export type Positions = ScalarPositions | MapPositions | SeqPositions;

export interface ScalarPositions {
  readonly kind: 'scalar';
  /** An empty value (`title:` with nothing after it) has a range of no width, after the colon and any spaces. */
  readonly range: Range;
}

export interface MapPositions {
  readonly kind: 'map';
  readonly range: Range;
  /** By key as text (as the plain data has it); the first of duplicated keys. */
  readonly entries: ReadonlyMap<string, EntryPositions>;
}

export interface EntryPositions {
  readonly key: Range;
  /** Undefined only for a key with no value node at all (`? key` in the long form). */
  readonly value: Positions | undefined;
}

export interface SeqPositions {
  readonly kind: 'seq';
  readonly range: Range;
  readonly items: readonly (Positions | undefined)[];
}

/** True for a value written as nothing at all (`title:`). */
export function isEmptyValue(node: Positions): boolean {
  return node.kind === 'scalar' && node.range[0] === node.range[1];
}
