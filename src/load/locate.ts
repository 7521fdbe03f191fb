import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from '../validate/diagnostic.js';
import type { SourceFile } from './source.js';

export type DataPath = readonly (string | number)[];

/**
 * Finds the YAML node at `path` and returns its range. When the path does
 * not exist (a missing key), returns the key of the nearest existing parent,
 * so a "missing field" points at the record that lacks it.
 * With `keyOf`, returns the range of the key rather than the value.
 */
export function locate(source: SourceFile, path: DataPath, options: { keyOf?: boolean } = {}): Range | undefined {
  const contents = source.doc?.contents as Node | null | undefined;
  if (!contents) return undefined;
  let node: Node = contents;
  let anchor: Node = contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    let next: Node | undefined;
    let nextKey: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair) {
        nextKey = pair.key as Node;
        next = (pair.value as Node | null) ?? undefined;
        // `title:` with nothing after it: point at the key, not at the empty space after the colon.
        if (!next || isEmptyScalar(next)) return rangeOf(nextKey);
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = (node.items[segment] as Node | undefined) ?? undefined;
    }
    if (!next) return rangeOf(keyNode ?? anchor);
    node = next;
    keyNode = nextKey;
    anchor = next;
  }
  if (options.keyOf && keyNode) return rangeOf(keyNode);
  return rangeOf(node);
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}

function rangeOf(node: Node | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  // Point at the first line of a block (not the whole mapping) for readability.
  return [r[0], r[1]];
}
