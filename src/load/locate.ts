import type { Range } from '../diagnostics/diagnostic.js';
import { isEmptyValue, type Positions } from './positions.js';
import { positionsOf, type SourceFile } from './source.js';

export type DataPath = readonly (string | number)[];

/**
 * Finds the value at `path` and returns its range. When the path does
 * not exist (a missing key), returns the key of the nearest existing parent,
 * so a "missing field" points at the record that lacks it.
 * With `keyOf`, returns the range of the key rather than the value.
 */
export function locate(source: SourceFile, path: DataPath, options: { keyOf?: boolean } = {}): Range | undefined {
  const root = positionsOf(source);
  if (!root) return undefined;
  let node: Positions = root;
  let keyRange: Range | undefined;
  for (const segment of path) {
    let next: Positions | undefined;
    let nextKey: Range | undefined;
    if (node.kind === 'map') {
      const entry = node.entries.get(String(segment));
      if (entry) {
        nextKey = entry.key;
        next = entry.value;
        // `title:` with nothing after it: point at the key, not at the empty space after the colon.
        if (!next || isEmptyValue(next)) return nextKey;
      }
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (!next) return keyRange ?? node.range;
    node = next;
    keyRange = nextKey;
  }
  if (options.keyOf && keyRange) return keyRange;
  return node.range;
}
