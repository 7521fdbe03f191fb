import { z } from 'zod';
import { activityFileSchema } from './activities.js';
import { councilFileSchema } from './council.js';
import { frameworkFileSchema } from './framework.js';

/** The data files coprod reads, each with its schema and the title editors show. */
export const SCHEMAS = {
  council: { schema: councilFileSchema, title: 'coprod council configuration (council.yaml)' },
  framework: { schema: frameworkFileSchema, title: 'coprod recommendations framework (framework.yaml)' },
  activities: { schema: activityFileSchema, title: 'coprod department activity file (activities/<department>.yaml)' },
} as const;

export type SchemaKind = keyof typeof SCHEMAS;

/** Every kind of data file, in the order the schemas are written. */
export const SCHEMA_KINDS: readonly SchemaKind[] = ['council', 'framework', 'activities'];

/**
 * JSON Schema draft-07 generated from the zod schemas, which stay the single
 * source of truth. It describes what may be written in the file (`io:
 * 'input'`), so fields with defaults are optional; checks JSON Schema cannot
 * express (real calendar dates, references between files) are left to
 * `coprod validate`.
 */
export function jsonSchema(kind: SchemaKind): string {
  const { schema, title } = SCHEMAS[kind];
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}
