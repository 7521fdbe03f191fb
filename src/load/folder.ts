import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io/io.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { parseSource, type SourceFile } from './source.js';

/** Files larger than this are refused rather than parsed. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The built-in framework, used when a council's data folder has no `framework.yaml`. */
export const DEFAULT_FRAMEWORK_PATH = fileURLToPath(new URL('../../framework/dpc-recommendations.yaml', import.meta.url));

/** The raw, parsed files of a council's data folder. */
export interface DataFolder {
  dir: string;
  council?: SourceFile;
  framework?: SourceFile;
  /** Department activity files, sorted by path. */
  activities: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Thrown when the data folder itself cannot be used: an environment error (exit 2). */
export class DataFolderError extends Error {}

/**
 * Reads `council.yaml`, `framework.yaml` (or the built-in framework) and
 * `activities/*.yaml` from `dir`. Problems with single files become
 * diagnostics; a missing or unreadable folder throws {@link DataFolderError}.
 */
export async function readDataFolder(dir: string, io: Io): Promise<DataFolder> {
  const abs = path.resolve(io.cwd, dir);
  const stat = await io.fs.stat(abs).catch(() => undefined);
  if (!stat) throw new DataFolderError(`data folder not found: ${dir}`);
  if (!stat.isDirectory()) throw new DataFolderError(`data folder is not a folder: ${dir}`);

  const shown = (p: string) => path.relative(io.cwd, p) || p;
  const folder: DataFolder = { dir: abs, activities: [], diagnostics: [] };

  const councilPath = path.join(abs, 'council.yaml');
  folder.council = await readSource(councilPath, shown(councilPath), io, folder.diagnostics, true);

  const frameworkPath = path.join(abs, 'framework.yaml');
  const hasFramework = await io.fs.lstat(frameworkPath).then(() => true, () => false);
  folder.framework = hasFramework
    ? await readSource(frameworkPath, shown(frameworkPath), io, folder.diagnostics, true)
    : await readSource(DEFAULT_FRAMEWORK_PATH, '(built-in) framework/dpc-recommendations.yaml', io, folder.diagnostics, true);

  const activitiesDir = path.join(abs, 'activities');
  let names: string[] = [];
  try {
    names = (await io.fs.readdir(activitiesDir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DataFolderError(`cannot read ${shown(activitiesDir)}: ${(error as Error).message}`);
    }
  }
  for (const name of names) {
    const p = path.join(activitiesDir, name);
    const source = await readSource(p, shown(p), io, folder.diagnostics, false);
    if (source) folder.activities.push(source);
  }
  return folder;
}

/** Reads and parses one file; problems become diagnostics. */
async function readSource(
  abs: string,
  shown: string,
  io: Io,
  diagnostics: Diagnostic[],
  required: boolean,
): Promise<SourceFile | undefined> {
  const fail = (message: string, hint?: string) => {
    diagnostics.push({ code: 'file-unreadable', severity: 'error', file: shown, message, ...(hint ? { hint } : {}) });
    return undefined;
  };
  let stat;
  try {
    stat = await io.fs.stat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && required) {
      diagnostics.push({ code: 'missing-council', severity: 'error', file: shown, message: 'file not found', hint: 'run `coprod init` to create a council data folder' });
      return undefined;
    }
    if (code === 'ELOOP') return fail('cannot be read: it is a symbolic link that points to itself (a loop)');
    return fail(`cannot be read (${code ?? (error as Error).message})`);
  }
  if (stat.isDirectory()) return fail('is a folder, but a YAML file was expected here');
  if (!stat.isFile()) return fail('is not a regular file');
  if (stat.size > MAX_FILE_BYTES) {
    diagnostics.push({
      code: 'file-too-large',
      severity: 'error',
      file: shown,
      message: `is ${(stat.size / 1048576).toFixed(1)} MiB; coprod reads data files of at most ${MAX_FILE_BYTES / 1048576} MiB`,
      hint: 'split the department into several files',
    });
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.fs.readFile(abs);
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const parsed = parseSource(shown, bytes);
  diagnostics.push(...parsed.diagnostics);
  return parsed.source;
}
