import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { OutputError } from '../errors.js';
import type { Io } from '../io/io.js';
import { makeFolder } from './make-folder.js';

/** The manifest coprod keeps in an output folder: the hash of every file it wrote. */
export const MANIFEST_NAME = '.coprod-manifest.json';

export interface OutputFile {
  /** File name inside the output folder (a safe slug, no folders). */
  name: string;
  content: string | Uint8Array;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  /** Files changed by hand (or not written by coprod) that were left alone. */
  conflicts: string[];
}

interface Manifest {
  version: 1;
  files: Record<string, string>;
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Resolves a name inside `dir`, refusing anything that would leave it. */
export function confined(dir: string, name: string): string {
  const target = path.resolve(dir, name);
  if (path.dirname(target) !== path.resolve(dir) || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
    throw new OutputError(`refusing to write "${name}": output files must stay inside ${dir}`);
  }
  return target;
}

export async function readManifest(dir: string, io: Io): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await io.fs.readFile(path.join(dir, MANIFEST_NAME), 'utf8')) as Partial<Manifest>;
    if (parsed && typeof parsed.files === 'object' && parsed.files !== null) return { version: 1, files: { ...parsed.files } };
  } catch {
    // No manifest (or an unreadable one): every existing file counts as not written by coprod.
  }
  return { version: 1, files: {} };
}

export type FileState = 'missing' | 'same' | 'stale' | 'edited';

/**
 * Compares what coprod would write with what is on disk: `same` (identical),
 * `stale` (coprod's own earlier output, safe to replace), `edited` (changed
 * by hand, or not written by coprod), or `missing`.
 */
export async function compareOutputs(dir: string, files: readonly OutputFile[], io: Io): Promise<Map<string, FileState>> {
  const manifest = await readManifest(dir, io);
  const states = new Map<string, FileState>();
  for (const file of files) {
    const target = confined(dir, file.name);
    let current: Buffer;
    try {
      current = await io.fs.readFile(target);
    } catch {
      states.set(file.name, 'missing');
      continue;
    }
    const hash = sha256(current);
    states.set(file.name, hash === sha256(file.content) ? 'same' : manifest.files[file.name] === hash ? 'stale' : 'edited');
  }
  return states;
}

/**
 * Fails as writing into `dir` would, with an {@link OutputError} saying what
 * to do, but leaves nothing behind: it makes the missing folders and a hidden
 * file, then removes them. Commands call it before rendering, so that a
 * folder that cannot be written is reported at once, not after every paper
 * has been made (a pack takes seconds to minutes).
 */
export async function checkOutputFolder(dir: string, io: Io): Promise<void> {
  let made: string[] = [];
  try {
    made = await makeFolder(dir, io);
  } catch (error) {
    throw new OutputError(describeFsError(error, dir, 'create the output folder'));
  }
  const probe = path.join(dir, `.coprod-probe.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await (await io.fs.open(probe, 'wx')).close();
  } catch (error) {
    throw new OutputError(describeFsError(error, dir, 'write the outputs'));
  } finally {
    await io.fs.rm(probe, { force: true }).catch(() => undefined);
    for (const folder of made.reverse()) await io.fs.rmdir(folder).catch(() => undefined);
  }
}

/**
 * Writes every file atomically: all contents go to temporary files first, and
 * only when every one is safely on disk are they renamed over the old ones,
 * so a failure (disk full, permissions) leaves the previous outputs intact.
 * Each file replaced is first copied aside, so that if a rename fails part of
 * the way through, the files already renamed are put back. Every temporary
 * name starts with a dot, so a run that is killed leaves only hidden files
 * behind, never a partial file under an output's name.
 * Files edited by hand since coprod wrote them are not overwritten unless
 * `force` is set; then nothing at all is written.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[], io: Io, options: { force?: boolean } = {}): Promise<WriteResult> {
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name)) throw new OutputError(`two outputs would both be written to ${f.name}`);
    names.add(f.name);
    confined(dir, f.name);
  }
  try {
    await makeFolder(dir, io);
  } catch (error) {
    throw new OutputError(describeFsError(error, dir, 'create the output folder'));
  }
  const states = await compareOutputs(dir, files, io);
  const conflicts = files.filter((f) => states.get(f.name) === 'edited').map((f) => f.name);
  if (conflicts.length > 0 && !options.force) return { written: [], unchanged: [], conflicts };

  const toWrite = files.filter((f) => states.get(f.name) !== 'same');
  const unchanged = files.filter((f) => states.get(f.name) === 'same').map((f) => f.name);
  const manifest = await readManifest(dir, io);
  for (const f of files) manifest.files[f.name] = sha256(f.content);
  const sortedManifest: Manifest = { version: 1, files: Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1))) };
  const staged: Staged[] = [];
  const token = randomBytes(6).toString('hex');
  const all = [...toWrite, { name: MANIFEST_NAME, content: `${JSON.stringify(sortedManifest, null, 2)}\n` }];
  const discard = () => Promise.all(staged.flatMap((s) => [s.temp, ...(s.backup ? [s.backup] : [])]).map((f) => io.fs.rm(f, { force: true }).catch(() => undefined)));
  try {
    for (const f of all) {
      const entry: Staged = { temp: path.join(dir, `.${f.name}.${token}.tmp`), target: path.join(dir, f.name), existed: true };
      staged.push(entry);
      await writeDurably(entry.temp, f.content, io);
      await backUp(entry, `.${f.name}.${token}.bak`, io);
    }
  } catch (error) {
    await discard();
    throw new OutputError(describeFsError(error, dir, 'write the outputs'));
  }
  for (const [i, s] of staged.entries()) {
    try {
      await io.fs.rename(s.temp, s.target);
    } catch (error) {
      // Renaming can fail part of the way through (disk full, a folder where a file goes): undo the renames already made.
      const notRestored = await restore(staged.slice(0, i), io);
      await discard();
      throw new OutputError(
        describeFsError(error, s.target, 'replace', notRestored.length === 0 ? undefined : `These files could not be put back as they were and may hold the new version: ${notRestored.join(', ')}`),
      );
    }
  }
  await discard();
  return { written: toWrite.map((f) => f.name), unchanged, conflicts: options.force ? conflicts : [] };
}

/** A file being written: its new content in `temp`, and a copy of what it replaces in `backup`. */
interface Staged {
  temp: string;
  target: string;
  /** Whether something stood under the target name before. */
  existed: boolean;
  backup?: string;
}

/** Copies the file about to be replaced, so that a failure while renaming can put it back. */
async function backUp(entry: Staged, name: string, io: Io): Promise<void> {
  let previous: Buffer;
  try {
    previous = await io.fs.readFile(entry.target);
  } catch (error) {
    // Nothing there yet; anything else (a folder, an unreadable file) has no copy and is reported if a rename must be undone.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') entry.existed = false;
    return;
  }
  entry.backup = path.join(path.dirname(entry.target), name);
  await writeDurably(entry.backup, previous, io);
}

/** Puts renamed files back as they were (or removes those that were new); returns the ones that could not be. */
async function restore(renamed: readonly Staged[], io: Io): Promise<string[]> {
  const failed: string[] = [];
  for (const s of [...renamed].reverse()) {
    try {
      if (s.backup) await io.fs.rename(s.backup, s.target);
      else if (!s.existed) await io.fs.rm(s.target, { force: true });
      else failed.push(s.target);
    } catch {
      failed.push(s.target);
    }
  }
  return failed;
}

async function writeDurably(file: string, content: string | Uint8Array, io: Io): Promise<void> {
  const handle = await io.fs.open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A message that says what went wrong and what to do, and (unless told otherwise) that nothing was changed. */
export function describeFsError(error: unknown, where: string, doing: string, outcome = 'Nothing was changed.'): string {
  const code = (error as NodeJS.ErrnoException).code;
  const advice: Record<string, string> = {
    EACCES: 'you do not have permission to write there: choose another folder with --out, or change its permissions',
    EPERM: 'the system refused the write: choose another folder with --out, or change its permissions',
    EROFS: 'the folder is on a read-only file system: choose another folder with --out',
    ENOSPC: 'the disk is full: free some space and run the command again',
    EDQUOT: 'your disk quota is used up: free some space and run the command again',
    ENOTDIR: 'a file stands where a folder is needed: choose another --out folder, or move the file',
    EEXIST: 'a file stands where a folder is needed: choose another --out folder, or move the file',
    EISDIR: 'a folder stands where a file is to be written: remove or rename it',
    ENOENT: 'nothing can be made there (a system folder such as /proc, or a link to a folder that does not exist): choose another folder with --out',
  };
  return `could not ${doing} (${where}): ${(code && advice[code]) ?? (error as Error).message}. ${outcome}`;
}
