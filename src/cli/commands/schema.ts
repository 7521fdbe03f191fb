import path from 'node:path';
import { z } from 'zod';
import { activityFileSchema } from '../../schema/activities.js';
import { councilFileSchema } from '../../schema/council.js';
import { frameworkFileSchema } from '../../schema/framework.js';
import { writeOutputs } from '../../write/outputs.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { say } from '../shared.js';

const SCHEMAS = {
  council: { schema: councilFileSchema, title: 'coprod council configuration (council.yaml)' },
  framework: { schema: frameworkFileSchema, title: 'coprod recommendations framework (framework.yaml)' },
  activities: { schema: activityFileSchema, title: 'coprod department activity file (activities/<department>.yaml)' },
} as const;

/** JSON Schema draft-07 generated from the zod schemas, which stay the single source of truth. */
export function jsonSchema(kind: keyof typeof SCHEMAS): string {
  const { schema, title } = SCHEMAS[kind];
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}

/** `coprod schema`: print one schema, or write all three into a folder. */
export const schemaCommand: Handler = async (options, _args, io) => {
  const out = options['out'] as string | undefined;
  if (!out) {
    io.stdout.write(jsonSchema(options['kind'] as keyof typeof SCHEMAS));
    return EXIT.OK;
  }
  const dir = path.resolve(io.cwd, out);
  const files = (Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]).map((kind) => ({ name: `${kind}.schema.json`, content: jsonSchema(kind) }));
  const result = await writeOutputs(dir, files, io, { force: options['force'] === true });
  if (result.conflicts.length > 0) {
    say(io, `coprod: not overwritten, changed by hand since coprod wrote them: ${result.conflicts.join(', ')} (use --force to replace)`);
    return EXIT.DATA;
  }
  for (const f of files) say(io, `wrote ${path.join(out, f.name)}`);
  return EXIT.OK;
};
