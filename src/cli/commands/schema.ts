import path from 'node:path';
import { OutputError } from '../../errors.js';
import { jsonSchema, SCHEMA_KINDS } from '../../schema/json-schema.js';
import { makeFolders, replaceFileAtomically } from '../../write/atomic.js';
import { describeFsError } from '../../write/outputs.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../handler.js';
import type { SchemaOptions } from '../options.js';
import { say } from '../shared.js';

/**
 * `coprod schema`: print one schema (activities by default), or with `--out`
 * write `<kind>.schema.json` for every kind (or the one asked for). The files
 * are generated, so they are always replaced.
 */
export const schemaCommand: Handler<SchemaOptions> = async (options, _args, io) => {
  const { out, kind } = options;
  if (out === undefined) {
    io.stdout.write(jsonSchema(kind ?? 'activities'));
    return EXIT.OK;
  }
  const dir = path.resolve(io.cwd, out);
  try {
    await makeFolders(io, dir);
  } catch (error) {
    throw new OutputError(describeFsError(error, out, 'create the folder'));
  }
  for (const k of kind ? [kind] : SCHEMA_KINDS) {
    const file = path.join(dir, `${k}.schema.json`);
    try {
      await replaceFileAtomically(io, file, jsonSchema(k));
    } catch (error) {
      throw new OutputError(describeFsError(error, path.join(out, `${k}.schema.json`), 'write'));
    }
    say(io, `wrote ${path.join(out, `${k}.schema.json`)}`);
  }
  return EXIT.OK;
};
