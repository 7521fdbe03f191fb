import path from 'node:path';
import { z } from 'zod';
import { OutputError } from '../../errors.js';
import { activityFileSchema } from '../../schema/activities.js';
import { councilFileSchema } from '../../schema/council.js';
import { frameworkFileSchema } from '../../schema/framework.js';
import { makeFolder } from '../../write/make-folder.js';
import { describeFsError } from '../../write/outputs.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { say } from '../shared.js';

/** The data files coprod reads, each with its schema and the title editors show. */
export const SCHEMAS = {
  council: { schema: councilFileSchema, title: 'coprod council configuration (council.yaml)' },
  framework: { schema: frameworkFileSchema, title: 'coprod recommendations framework (framework.yaml)' },
  activities: { schema: activityFileSchema, title: 'coprod department activity file (activities/<department>.yaml)' },
} as const;

export type SchemaKind = keyof typeof SCHEMAS;

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

/**
 * `coprod schema`: print one schema (activities by default), or with `--out`
 * write `<kind>.schema.json` for every kind (or the one asked for). The files
 * are generated, so they are always replaced.
 */
export const schemaCommand: Handler = async (options, _args, io) => {
  const out = options['out'] as string | undefined;
  const kind = options['kind'] as SchemaKind | undefined;
  if (out === undefined) {
    io.stdout.write(jsonSchema(kind ?? 'activities'));
    return EXIT.OK;
  }
  const dir = path.resolve(io.cwd, out);
  try {
    await makeFolder(dir, io);
  } catch (error) {
    throw new OutputError(describeFsError(error, out, 'create the folder'));
  }
  for (const k of kind ? [kind] : (Object.keys(SCHEMAS) as SchemaKind[])) {
    const file = path.join(dir, `${k}.schema.json`);
    try {
      await io.fs.writeFile(file, jsonSchema(k));
    } catch (error) {
      throw new OutputError(describeFsError(error, path.join(out, `${k}.schema.json`), 'write'));
    }
    say(io, `wrote ${path.join(out, `${k}.schema.json`)}`);
  }
  return EXIT.OK;
};
