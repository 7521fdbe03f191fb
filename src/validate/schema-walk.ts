import { z } from 'zod';
import type { DataPath } from '../load/locate.js';

/**
 * Reading the zod schemas themselves, so messages and hints can say what a
 * field is for and what it accepts: the schemas stay the single source of
 * truth. Only zod's public API is used: the schema classes (`ZodObject`'s
 * `shape`, `ZodArray`'s `element`, a wrapper's `unwrap()` …) and `.meta()`.
 */

/** The wrapper around a schema (optional, default, nullable, pipe …), when it is one. */
function innerOf(node: z.ZodType): z.ZodType | undefined {
  if (
    node instanceof z.ZodOptional ||
    node instanceof z.ZodNullable ||
    node instanceof z.ZodDefault ||
    node instanceof z.ZodPrefault ||
    node instanceof z.ZodNonOptional ||
    node instanceof z.ZodCatch ||
    node instanceof z.ZodReadonly
  ) {
    return node.unwrap() as z.ZodType;
  }
  if (node instanceof z.ZodPipe) return node.in as z.ZodType;
  return undefined;
}

/** Strips optional, default, nullable and pipe wrappers. */
export function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let current = node;
  for (let i = 0; i < 10 && current; i++) {
    const inner = innerOf(current);
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** The schema of the value at `path` (with its wrappers), if the schema describes one there. */
export function schemaAt(schema: z.ZodType, path: DataPath): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (const segment of path) {
    const container = unwrap(node);
    if (container instanceof z.ZodObject)
      node = Object.hasOwn(container.shape, String(segment))
        ? (container.shape[String(segment)] as z.ZodType)
        : undefined;
    else if (container instanceof z.ZodArray) node = container.element as z.ZodType;
    else if (container instanceof z.ZodRecord) node = container.valueType as z.ZodType;
    else return undefined;
  }
  return node;
}

/** What kind of container holds the value at `path`: a record of named fields, a list, or a keyed map. */
export function containerAt(schema: z.ZodType, path: DataPath): 'object' | 'array' | 'record' | undefined {
  if (path.length === 0) return undefined;
  const container = unwrap(schemaAt(schema, path.slice(0, -1)));
  if (container instanceof z.ZodObject) return 'object';
  if (container instanceof z.ZodArray) return 'array';
  if (container instanceof z.ZodRecord) return 'record';
  return undefined;
}

/** The field names the schema allows at `path`, for "did you mean". */
export function knownKeysAt(schema: z.ZodType, path: DataPath): string[] {
  const node = unwrap(schemaAt(schema, path));
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/** The `.meta({ description })` of a field, looking through its wrappers. */
export function descriptionOf(node: z.ZodType | undefined): string | undefined {
  let current = node;
  for (let i = 0; i < 10 && current; i++) {
    const description = current.meta()?.description;
    if (description) return description;
    current = innerOf(current);
  }
  return undefined;
}

/** The allowed values of an enum field. */
export function enumValuesOf(node: z.ZodType | undefined): string[] | undefined {
  const inner = unwrap(node);
  return inner instanceof z.ZodEnum ? inner.options.map(String) : undefined;
}

/** True when the field may be left out. */
export function isOptional(node: z.ZodType | undefined): boolean {
  return node !== undefined && z.safeParse(node, undefined).success;
}
