import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { OutputError } from '../errors.js';
import type { Io } from '../io/io.js';
import { readUserFile } from '../io/read-file.js';
import { describeFileError } from './errors.js';

/**
 * Every atomic write in coprod is made here, so there is one way of doing
 * it: new bytes go to a hidden temporary file beside the target, are flushed
 * to disk, and only then renamed over the target, after which the folder
 * itself is flushed so the rename survives a power cut. A process killed at
 * any moment leaves the target either as it was or whole and new, plus at
 * most hidden leftovers named by {@link hiddenName}. One file is written by
 * {@link writeFileAtomically} or {@link replaceFileAtomically}; a folder of
 * outputs by `writeOutputs` (./outputs.ts), from the same pieces.
 */

/** The file on disk is not what the edit was based on (changed, created or removed meanwhile). */
export class FileChangedError extends Error {}

/** Far larger than any data file coprod reads (2 MiB): an edit never has to compare more. */
const MAX_COMPARED_BYTES = 64 * 1024 * 1024;

/**
 * Writes one file atomically. `expected` is what the file must still hold
 * (the bytes the edit was made from), or `null` when the file must not exist
 * yet; otherwise {@link FileChangedError} is thrown and nothing is written.
 * The file keeps its permissions. Any other failure is an {@link OutputError}
 * saying that nothing was changed.
 */
export async function writeFileAtomically(
  io: Io,
  file: string,
  bytes: Uint8Array,
  expected: Uint8Array | null,
): Promise<void> {
  try {
    await replaceFile(io, file, bytes, () => checkUnchanged(io, file, expected));
  } catch (error) {
    if (error instanceof FileChangedError) throw error;
    throw new OutputError(describeFileError(error, file));
  }
}

/**
 * Replaces one file atomically whatever it holds (or creates it), keeping its
 * permissions; a failure is thrown as the file system reported it, and leaves
 * the file as it was. For generated files that are always replaced.
 */
export async function replaceFileAtomically(io: Io, file: string, content: string | Uint8Array): Promise<void> {
  await replaceFile(io, file, content, async () => {
    const stat = await io.fs.stat(file).catch(() => undefined);
    return stat?.isFile() ? stat.mode & 0o7777 : undefined;
  });
}

/** The temporary file, then `check` (which gives the mode to keep) before and after it is written, then the rename. */
async function replaceFile(
  io: Io,
  file: string,
  content: string | Uint8Array,
  check: () => Promise<number | undefined>,
): Promise<void> {
  const mode = await check();
  const temp = hiddenName(file, newToken(), 'tmp');
  try {
    await writeDurably(io, temp, content, mode);
    await check();
    await io.fs.rename(temp, file);
  } catch (error) {
    await io.fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(io, path.dirname(file)).catch(() => undefined);
}

/** Returns the file's permission bits (undefined when it does not exist), after checking it holds `expected`. */
async function checkUnchanged(io: Io, file: string, expected: Uint8Array | null): Promise<number | undefined> {
  const stat = await io.fs.stat(file).catch(() => undefined);
  if (expected === null) {
    if (stat) throw new FileChangedError(`${file} already exists`);
    return undefined;
  }
  const current = stat ? await readUserFile(io.fs, file, { maxBytes: MAX_COMPARED_BYTES }) : undefined;
  if (!current?.ok || !Buffer.from(current.bytes).equals(Buffer.from(expected))) {
    throw new FileChangedError(`${file} was changed by something else while coprod was working on it`);
  }
  return stat!.mode & 0o7777;
}

/** A fresh token for the hidden names of one write. */
export function newToken(): string {
  return randomBytes(6).toString('hex');
}

/** `.name.<token>.tmp` (the new bytes) or `.name.<token>.bak` (a copy of what they replace), beside `target`. */
export function hiddenName(target: string, token: string, kind: 'tmp' | 'bak'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${token}.${kind}`);
}

/** Whether a file name is one of {@link hiddenName}'s, left behind by a write that was stopped. */
export function isLeftover(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.(?:tmp|bak)$/.test(name);
}

/** Writes a new file (it must not exist) and flushes it to disk; `mode` sets its permissions. */
export async function writeDurably(io: Io, file: string, content: string | Uint8Array, mode?: number): Promise<void> {
  const handle = await io.fs.open(file, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(content);
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries (renames, removals) to disk. Some systems
 * cannot open a folder for this; there the rename is as durable as they allow.
 */
export async function syncFolder(io: Io, dir: string): Promise<void> {
  let handle;
  try {
    handle = await io.fs.open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Creates `dir` and any missing folders above it, one at a time, and returns
 * those it created, outermost first, so that a failed write can remove them
 * again. One at a time, because a recursive mkdir reports a read-only file
 * system as "no such file or directory".
 */
export async function makeFolders(io: Io, dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const stat = await io.fs.stat(at).catch((error: NodeJS.ErrnoException) => error);
    if (!(stat instanceof Error)) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', path: at });
      break;
    }
    if (stat.code !== 'ENOENT' || path.dirname(at) === at) throw stat;
    missing.unshift(at);
  }
  const created: string[] = [];
  for (const folder of missing) {
    try {
      await io.fs.mkdir(folder);
      created.push(folder);
    } catch (error) {
      // Made meanwhile by another run: fine, if it is a folder now (a broken link is not).
      const now =
        (error as NodeJS.ErrnoException).code === 'EEXIST'
          ? await io.fs.stat(folder).catch(() => undefined)
          : undefined;
      if (!now?.isDirectory()) {
        await removeFolders(io, created);
        throw error;
      }
    }
  }
  return created;
}

/** Removes folders made by {@link makeFolders}, innermost first, each only if it is empty. */
export async function removeFolders(io: Io, created: readonly string[]): Promise<void> {
  for (const folder of [...created].reverse()) await io.fs.rmdir(folder).catch(() => undefined);
}
