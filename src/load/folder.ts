import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io/io.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readUserFile, type UserFileProblem } from '../io/read-file.js';
import { checkNamedFiles } from './named-files.js';
import { parseSource, type SourceFile } from './source.js';

/**
 * Files larger than this are refused before they are read. 2 MiB is over 80
 * times the largest department file of the sample council. Plain block YAML
 * is read at tens of MiB a second; a file that is not also has to stay
 * within `MAX_YAML_TOKENS` (src/load/yaml-cost.ts), so that any file within
 * the limits is validated in under a second and 300 MB
 * (`node bench/worst-case.mjs`).
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The built-in framework, used when a council's data folder has no `framework.yaml`. */
export const DEFAULT_FRAMEWORK_PATH = fileURLToPath(
  new URL('../../framework/dpc-recommendations.yaml', import.meta.url),
);

/** The raw, parsed files of a council's data folder. */
export interface DataFolder {
  dir: string;
  council?: SourceFile | undefined;
  framework?: SourceFile | undefined;
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
    if (stat.code !== 'ENOENT')
      throw new DataFolderError(`cannot open the data folder ${abs} (${stat.code ?? stat.message})`);
    throw new DataFolderError(`data folder not found: ${abs}. ${await whereToLook(io)}`);
  }
  if (!stat.isDirectory())
    throw new DataFolderError(
      `the data folder ${abs} is a file, not a folder. Pass --data DIR with the folder that holds council.yaml.`,
    );

  const shown = (p: string) => path.relative(io.cwd, p) || p;
  const frameworkPath = path.join(abs, 'framework.yaml');
  const hasFramework = await io.fs.lstat(frameworkPath).then(
    () => true,
    () => false,
  );
  const folder: DataFolder = { dir: abs, builtInFramework: !hasFramework, activities: [], diagnostics: [] };

  const councilPath = path.join(abs, 'council.yaml');
  folder.council = await readSource(councilPath, shown(councilPath), io, folder.diagnostics, true);

  folder.framework = hasFramework
    ? await readSource(frameworkPath, shown(frameworkPath), io, folder.diagnostics, false)
    : await readSource(
        DEFAULT_FRAMEWORK_PATH,
        '(built-in) framework/dpc-recommendations.yaml',
        io,
        folder.diagnostics,
        false,
      );

  const activitiesDir = path.join(abs, 'activities');
  let names: string[] = [];
  try {
    names = (await io.fs.readdir(activitiesDir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR')
      throw new DataFolderError(
        `${shown(activitiesDir)} is a file, but it should be the folder of department activity files`,
      );
    if (code !== 'ENOENT')
      throw new DataFolderError(`cannot open the folder ${shown(activitiesDir)} (${code ?? (error as Error).message})`);
  }
  for (const name of names) {
    const p = path.join(activitiesDir, name);
    const source = await readSource(p, shown(p), io, folder.diagnostics, false);
    if (source) folder.activities.push(source);
  }
  for (const d of await checkNamedFiles(folder, io)) folder.diagnostics.push(d);
  return folder;
}

/** What to do when the data folder is not there: `--data .` when coprod was run inside a data folder. */
async function whereToLook(io: Io): Promise<string> {
  const inside = await io.fs.stat(path.join(io.cwd, 'council.yaml')).then(
    (s) => s.isFile(),
    () => false,
  );
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
  const read = await readUserFile(io.fs, abs, { maxBytes: MAX_FILE_BYTES });
  if (!read.ok) {
    const diagnostic = describeProblem(read.problem, shown, required);
    if (diagnostic) diagnostics.push(diagnostic);
    return undefined;
  }
  const parsed = parseSource(shown, read.bytes);
  // Not push(...list): a hostile file can yield more diagnostics than a call can take arguments.
  for (const d of parsed.diagnostics) diagnostics.push(d);
  return parsed.source;
}

/** A data file that could not be read, as a diagnostic. */
function describeProblem(problem: UserFileProblem, shown: string, required: boolean): Diagnostic {
  const at = { severity: 'error', file: shown } as const;
  switch (problem.code) {
    case 'missing':
      return required
        ? {
            ...at,
            code: 'missing-council',
            message: 'The data folder has no council.yaml',
            hint: 'pass --data with the folder that holds council.yaml, or create one with `coprod init`',
          }
        : {
            ...at,
            code: 'file-unreadable',
            message: 'This file is a link to a file that does not exist',
            hint: 'replace the link with the file itself, or delete it',
          };
    case 'too-large':
      return {
        ...at,
        code: 'file-too-large',
        message: `This file ${problem.message.replace('here', 'in a data file')}`,
        // Not "split the file": each department keeps its activities in one file (one-file-per-department).
        hint: "check that this is the department's data file; if it is, move activities finished long ago to an archive copy kept outside the data folder",
      };
    case 'folder':
      return {
        ...at,
        code: 'file-unreadable',
        message: 'This is a folder, but a YAML file was expected here',
        hint: 'move or rename the folder',
      };
    default:
      return {
        ...at,
        code: 'file-unreadable',
        message: `This file ${problem.message}`,
        ...(problem.hint ? { hint: problem.hint } : {}),
      };
  }
}
