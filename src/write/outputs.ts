import path from 'node:path';
import { OutputError } from '../errors.js';
import type { Io } from '../io/io.js';
import { readUserFile } from '../io/read-file.js';
import { hiddenName, isLeftover, makeFolders, newToken, removeFolders, syncFolder, writeDurably } from './atomic.js';
import { describeFsError } from './errors.js';
import { lockFolder, type FolderLock } from './lock.js';
import { isOwn, MANIFEST_NAME, readManifest, serialiseManifest, sha256, type Manifest } from './manifest.js';

export { describeFsError } from './errors.js';
export { MANIFEST_NAME, readManifest, sha256 } from './manifest.js';

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

/** Resolves a name inside `dir`, refusing anything that would leave it. */
export function confined(dir: string, name: string): string {
  const target = path.resolve(dir, name);
  if (path.dirname(target) !== path.resolve(dir) || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
    throw new OutputError(`refusing to write "${name}": output files must stay inside ${dir}`);
  }
  return target;
}

export type FileState = 'missing' | 'same' | 'stale' | 'edited';

/** A file's state, and the hash of what is there now (when it is an ordinary file). */
interface Found {
  state: FileState;
  hash?: string;
}

/**
 * Compares what coprod would write with what is on disk: `same` (identical),
 * `stale` (coprod's own earlier output, safe to replace), `edited` (changed
 * by hand, or not written by coprod), or `missing`.
 */
export async function compareOutputs(
  dir: string,
  files: readonly OutputFile[],
  io: Io,
): Promise<Map<string, FileState>> {
  const found = await findOutputs(dir, files, await readManifest(dir, io), io);
  return new Map([...found].map(([name, f]) => [name, f.state]));
}

async function findOutputs(
  dir: string,
  files: readonly OutputFile[],
  manifest: Manifest,
  io: Io,
): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  for (const file of files) {
    // Read safely: a named pipe under an output's name must not hang the comparison.
    const read = await readUserFile(io.fs, confined(dir, file.name), { maxBytes: Number.MAX_SAFE_INTEGER });
    if (!read.ok) {
      found.set(file.name, { state: read.problem.code === 'missing' ? 'missing' : 'edited' });
      continue;
    }
    const hash = sha256(read.bytes);
    found.set(file.name, {
      state: hash === sha256(file.content) ? 'same' : isOwn(manifest, file.name, hash) ? 'stale' : 'edited',
      hash,
    });
  }
  return found;
}

/**
 * Fails as writing into `dir` would, with an {@link OutputError} saying what
 * to do, but leaves nothing behind: it makes the missing folders and a hidden
 * file, then removes them. Commands call it before rendering, so that a
 * folder that cannot be written is reported at once, not after every paper
 * has been made (a pack takes seconds to minutes).
 */
export async function checkOutputFolder(dir: string, io: Io): Promise<void> {
  let made: string[];
  try {
    made = await makeFolders(io, dir);
  } catch (error) {
    throw new OutputError(describeFsError(error, dir, 'create the output folder'));
  }
  const probe = path.join(dir, hiddenName('probe', newToken(), 'tmp'));
  try {
    await (await io.fs.open(probe, 'wx')).close();
  } catch (error) {
    throw new OutputError(describeFsError(error, dir, 'write the outputs'));
  } finally {
    await io.fs.rm(probe, { force: true }).catch(() => undefined);
    await removeFolders(io, made);
  }
}

/**
 * Writes every file atomically, under a lock on the folder so that two runs
 * never mix their files: all contents go to hidden temporary files first,
 * and only when every one is safely on disk are they renamed over the old
 * ones. The manifest goes first, naming both the old and the new version of
 * each file, so a run killed part of the way through leaves files the next
 * run knows as its own (it names the new ones only once all are in place);
 * the next run also clears the hidden files a killed one left. Each file replaced is first copied aside, so that if a rename
 * fails (disk full, a folder in the way) the files already renamed are put
 * back, and a folder this run created is removed again: a failure changes
 * nothing. Files edited by hand since coprod wrote them are not overwritten
 * unless `force` is set; then nothing at all is written.
 */
export async function writeOutputs(
  dir: string,
  files: readonly OutputFile[],
  io: Io,
  options: { force?: boolean } = {},
): Promise<WriteResult> {
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name)) throw new OutputError(`two outputs would both be written to ${f.name}`);
    names.add(f.name);
    confined(dir, f.name);
  }
  let created: string[];
  try {
    created = await makeFolders(io, dir);
  } catch (error) {
    throw new OutputError(describeFsError(error, dir, 'create the output folder'));
  }
  let folderLock: FolderLock;
  try {
    folderLock = await lockFolder(dir, dir);
  } catch (error) {
    await removeFolders(io, created);
    throw error;
  }
  try {
    return await writeLocked(dir, files, io, options.force === true, folderLock);
  } catch (error) {
    await folderLock.release();
    await removeFolders(io, created);
    throw error;
  } finally {
    await folderLock.release();
  }
}

async function writeLocked(
  dir: string,
  files: readonly OutputFile[],
  io: Io,
  force: boolean,
  folderLock: FolderLock,
): Promise<WriteResult> {
  await clearLeftovers(dir, io);
  const manifest = await readManifest(dir, io);
  const found = await findOutputs(dir, files, manifest, io);
  const conflicts = files.filter((f) => found.get(f.name)!.state === 'edited').map((f) => f.name);
  if (conflicts.length > 0 && !force) return { written: [], unchanged: [], conflicts };

  const toWrite = files.filter((f) => found.get(f.name)!.state !== 'same');
  const unchanged = files.filter((f) => found.get(f.name)!.state === 'same').map((f) => f.name);
  const next: Manifest = { version: 1, files: { ...manifest.files }, previous: {} };
  for (const f of files) next.files[f.name] = sha256(f.content);
  for (const f of toWrite) {
    const old = found.get(f.name)!.hash;
    if (old !== undefined) next.previous![f.name] = old;
  }
  // The manifest first: once it names both versions, a kill anywhere below leaves a folder the next run accepts.
  const all = [{ name: MANIFEST_NAME, content: serialiseManifest(next) }, ...toWrite];
  const token = newToken();
  const staged: Staged[] = [];
  const discard = () =>
    Promise.all(
      staged
        .flatMap((s) => [s.temp, ...(s.backup ? [s.backup] : [])])
        .map((f) => io.fs.rm(f, { force: true }).catch(() => undefined)),
    );
  try {
    for (const f of all) {
      const target = path.join(dir, f.name);
      const entry: Staged = { temp: hiddenName(target, token, 'tmp'), target, existed: true };
      staged.push(entry);
      await writeDurably(io, entry.temp, f.content);
      await backUp(entry, hiddenName(target, token, 'bak'), io);
    }
  } catch (error) {
    await discard();
    throw new OutputError(describeFsError(error, dir, 'write the outputs'));
  }
  if (folderLock.lost) {
    await discard();
    throw new OutputError(
      `another process took over the lock on ${dir} while coprod was writing there, so nothing was written; run the command again`,
    );
  }
  for (const [i, s] of staged.entries()) {
    try {
      await io.fs.rename(s.temp, s.target);
    } catch (error) {
      // Renaming can fail part of the way through (disk full, a folder where a file goes): undo the renames already made.
      const notRestored = await restore(staged.slice(0, i), io);
      await discard();
      throw new OutputError(
        describeFsError(
          error,
          s.target,
          'replace',
          notRestored.length === 0
            ? undefined
            : `These files could not be put back as they were and may hold the new version: ${notRestored.join(', ')}`,
        ),
      );
    }
  }
  await syncFolder(io, dir);
  await discard();
  if (Object.keys(next.previous!).length > 0) await settleManifest(dir, { version: 1, files: next.files }, io);
  return { written: toWrite.map((f) => f.name), unchanged, conflicts: force ? conflicts : [] };
}

/**
 * Once every file is in place, the manifest drops the hashes of the versions
 * they replaced, so that a folder written twice from the same data has the
 * same manifest. If this fails, the manifest written first still describes
 * the folder truly, so nothing is undone.
 */
async function settleManifest(dir: string, manifest: Manifest, io: Io): Promise<void> {
  const target = path.join(dir, MANIFEST_NAME);
  const temp = hiddenName(target, newToken(), 'tmp');
  try {
    await writeDurably(io, temp, serialiseManifest(manifest));
    await io.fs.rename(temp, target);
    await syncFolder(io, dir);
  } catch {
    await io.fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Removes the hidden temporary files and copies that a run killed while
 * writing left behind. Only under the folder's lock, so that no running
 * write's files are taken.
 */
async function clearLeftovers(dir: string, io: Io): Promise<void> {
  const names = await io.fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter(isLeftover))
    await io.fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
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
async function backUp(entry: Staged, backup: string, io: Io): Promise<void> {
  const read = await readUserFile(io.fs, entry.target, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!read.ok) {
    // Nothing there yet; anything else (a folder, a pipe, an unreadable file) has no copy and is reported if a rename must be undone.
    if (read.problem.code === 'missing') entry.existed = false;
    return;
  }
  entry.backup = backup;
  await writeDurably(io, backup, read.bytes);
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
