import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io/io.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { parseSource, type SourceFile } from './source.js';

/**
 * Files larger than this are refused rather than parsed. Measured on a
 * two-core machine, the YAML parser reads ordinary department records at
 * about 1 MiB a second, and a file packed with tiny values (a list of a
 * million numbers) at about 0.4 MiB a second: a 10 MiB file took 7 s to
 * validate. 2 MiB is over 80 times the largest department file of the sample
 * council and is read in a few seconds at worst; anything bigger is refused
 * before it is read.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The built-in framework, used when a council's data folder has no `framework.yaml`. */
export const DEFAULT_FRAMEWORK_PATH = fileURLToPath(new URL('../../framework/dpc-recommendations.yaml', import.meta.url));

/** The raw, parsed files of a council's data folder. */
export interface DataFolder {
  dir: string;
  council?: SourceFile;
  framework?: SourceFile;
  /** True when the folder has no framework.yaml, so the built-in framework was read. */
  builtInFramework: boolean;
  /** Department activity files, sorted by path. */
  activities: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Thrown when the data folder itself cannot be used: an environment error (exit 2). The message is complete, with advice. */
export class DataFolderError extends Error {}

/**
 * Reads `council.yaml`, `framework.yaml` (or the built-in framework) and
 * `activities/*.yaml` from `dir`. Problems with single files become
 * diagnostics; a missing or unreadable folder throws {@link DataFolderError}.
 */
export async function readDataFolder(dir: string, io: Io): Promise<DataFolder> {
  const abs = path.resolve(io.cwd, dir);
  const stat = await io.fs.stat(abs).catch((error: NodeJS.ErrnoException) => error);
  if (stat instanceof Error) {
    if (stat.code !== 'ENOENT') throw new DataFolderError(`cannot open the data folder ${abs} (${stat.code ?? stat.message})`);
    throw new DataFolderError(`data folder not found: ${abs}. ${await whereToLook(io)}`);
  }
  if (!stat.isDirectory()) throw new DataFolderError(`the data folder ${abs} is a file, not a folder. Pass --data DIR with the folder that holds council.yaml.`);

  const shown = (p: string) => path.relative(io.cwd, p) || p;
  const frameworkPath = path.join(abs, 'framework.yaml');
  const hasFramework = await io.fs.lstat(frameworkPath).then(() => true, () => false);
  const folder: DataFolder = { dir: abs, builtInFramework: !hasFramework, activities: [], diagnostics: [] };

  const councilPath = path.join(abs, 'council.yaml');
  folder.council = await readSource(councilPath, shown(councilPath), io, folder.diagnostics, true);

  folder.framework = hasFramework
    ? await readSource(frameworkPath, shown(frameworkPath), io, folder.diagnostics, true)
    : await readSource(DEFAULT_FRAMEWORK_PATH, '(built-in) framework/dpc-recommendations.yaml', io, folder.diagnostics, true);

  const activitiesDir = path.join(abs, 'activities');
  let names: string[] = [];
  try {
    names = (await io.fs.readdir(activitiesDir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new DataFolderError(`${shown(activitiesDir)} is a file, but it should be the folder of department activity files`);
    if (code !== 'ENOENT') throw new DataFolderError(`cannot open the folder ${shown(activitiesDir)} (${code ?? (error as Error).message})`);
  }
  for (const name of names) {
    const p = path.join(activitiesDir, name);
    const source = await readSource(p, shown(p), io, folder.diagnostics, false);
    if (source) folder.activities.push(source);
  }
  return folder;
}

/** What to do when the data folder is not there: `--data .` when coprod was run inside a data folder. */
async function whereToLook(io: Io): Promise<string> {
  const inside = await io.fs.stat(path.join(io.cwd, 'council.yaml')).then((s) => s.isFile(), () => false);
  if (inside) return 'This folder holds a council.yaml: to use it, pass --data .';
  return 'Pass --data DIR with the folder that holds council.yaml, or create a council with `coprod init`.';
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
      diagnostics.push({
        code: 'missing-council',
        severity: 'error',
        file: shown,
        message: 'The data folder has no council.yaml',
        hint: 'pass --data with the folder that holds council.yaml, or create one with `coprod init`',
      });
      return undefined;
    }
    return fail(...describeOpenError(code, error));
  }
  if (stat.isDirectory()) return fail('This is a folder, but a YAML file was expected here', 'move or rename the folder');
  if (!stat.isFile()) return fail('This is not an ordinary file, so it cannot be read as YAML');
  if (stat.size > MAX_FILE_BYTES) {
    diagnostics.push({
      code: 'file-too-large',
      severity: 'error',
      file: shown,
      // Rounded up, so a file just over the limit does not read as "2.0 MiB; at most 2 MiB".
      message: `This file is ${(Math.ceil((stat.size / 1048576) * 10) / 10).toFixed(1)} MiB; coprod reads data files of at most ${MAX_FILE_BYTES / 1048576} MiB`,
      // Not "split the file": each department keeps its activities in one file (one-file-per-department).
      hint: 'check that this is the department\'s data file; if it is, move activities finished long ago to an archive copy kept outside the data folder',
    });
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.fs.readFile(abs);
  } catch (error) {
    return fail(...describeOpenError((error as NodeJS.ErrnoException).code, error));
  }
  const parsed = parseSource(shown, bytes);
  // Not push(...list): a hostile file can yield more diagnostics than a call can take arguments.
  for (const d of parsed.diagnostics) diagnostics.push(d);
  return parsed.source;
}

/** Why a file could not be opened, in words, with what to do. */
function describeOpenError(code: string | undefined, error: unknown): [message: string, hint?: string] {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return ['This file cannot be opened: permission denied', 'ask whoever manages the folder to let you read the file'];
    case 'ELOOP':
      return ['This file is a symbolic link that points to itself', 'replace the link with the file itself'];
    case 'ENOENT':
      return ['This file is a link to a file that does not exist', 'replace the link with the file itself, or delete it'];
    default:
      return [`This file cannot be read (${code ?? (error as Error).message})`];
  }
}
