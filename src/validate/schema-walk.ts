import { z } from 'zod';
import type { DataPath } from '../load/locate.js';

/**
 * Reading the zod schemas themselves, so messages and hints can say what a
 * field is for and what it accepts: the schemas stay the single source of truth.
 */

type Def = Record<string, unknown> & { type?: string };

function defOf(node: z.core.$ZodType | undefined): Def | undefined {
  return node?._zod.def as unknown as Def | undefined;
}

/** Strips optional, default, nullable and pipe wrappers. */
export function unwrap(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = node;
  for (let i = 0; i < 10 && current; i++) {
    const def = defOf(current)!;
    if (def['innerType']) current = def['innerType'] as z.core.$ZodType;
    else if (def.type === 'pipe') current = def['in'] as z.core.$ZodType;
    else break;
  }
  return current;
}

/** The schema of the value at `path` (with its wrappers), if the schema describes one there. */
export function schemaAt(schema: z.core.$ZodType, path: DataPath): z.core.$ZodType | undefined {
  let node: z.core.$ZodType | undefined = schema;
  for (const segment of path) {
    const def = defOf(unwrap(node));
    if (!def) return undefined;
    if (def.type === 'object') node = (def['shape'] as Record<string, z.core.$ZodType>)[String(segment)];
    else if (def.type === 'array') node = def['element'] as z.core.$ZodType;
    else if (def.type === 'record') node = def['valueType'] as z.core.$ZodType;
    else return undefined;
  }
  return node;
}

/** What kind of container holds the value at `path`: a record of named fields, a list, or a keyed map. */
export function containerAt(schema: z.core.$ZodType, path: DataPath): 'object' | 'array' | 'record' | undefined {
  if (path.length === 0) return undefined;
  const type = defOf(unwrap(schemaAt(schema, path.slice(0, -1))))?.type;
  return type === 'object' || type === 'array' || type === 'record' ? type : undefined;
}

/** The field names the schema allows at `path`, for "did you mean". */
export function knownKeysAt(schema: z.core.$ZodType, path: DataPath): string[] {
  const def = defOf(unwrap(schemaAt(schema, path)));
  return def?.type === 'object' ? Object.keys(def['shape'] as object) : [];
}

/** The `.meta({ description })` of a field, looking through its wrappers. */
export function descriptionOf(node: z.core.$ZodType | undefined): string | undefined {
  let current = node;
  for (let i = 0; i < 10 && current; i++) {
    const description = z.globalRegistry.get(current)?.description;
    if (description) return description;
    const def = defOf(current)!;
    current = (def['innerType'] ?? (def.type === 'pipe' ? def['in'] : undefined)) as z.core.$ZodType | undefined;
  }
  return undefined;
}

/** The allowed values of an enum field. */
export function enumValuesOf(node: z.core.$ZodType | undefined): string[] | undefined {
  const def = defOf(unwrap(node));
  return def?.type === 'enum' ? Object.values(def['entries'] as Record<string, string>) : undefined;
}

/** True when the field may be left out. */
export function isOptional(node: z.core.$ZodType | undefined): boolean {
  return node !== undefined && z.safeParse(node, undefined).success;
}
