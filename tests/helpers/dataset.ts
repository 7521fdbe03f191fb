import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/io/io.js';
import { readDataFolder } from '../../src/load/folder.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { validateFolder } from '../../src/validate/validate.js';
import { FIXTURES, ROOT } from './cli.js';

/** The fixture council used by the golden-file tests. */
export const GOLDEN_COUNCIL = path.join(FIXTURES, 'golden-council');
/** The sample council shipped in data/. */
export const SAMPLE_COUNCIL = path.join(ROOT, 'data');

function quietIo(): Io {
  const stdin = new PassThrough();
  stdin.end();
  return { cwd: ROOT, env: {}, stdout: { write: () => true }, stderr: { write: () => true }, stdin, fs: fsp };
}

/** Loads and validates a data folder; throws if it has errors, so tests start from valid data. */
export async function loadDataset(dir: string): Promise<Dataset> {
  const result = validateFolder(await readDataFolder(dir, quietIo()));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.dataset)
    throw new Error(`fixture ${dir} has errors: ${errors.map((e) => e.message).join('; ')}`);
  return result.dataset;
}
