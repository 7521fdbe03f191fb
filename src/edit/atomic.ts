import path from 'node:path';
import { OutputError } from '../errors.js';
import type { Io } from '../io/io.js';
import { readUserFile } from '../io/read-file.js';
import { hiddenName, newToken, syncFolder, writeDurably } from '../write/durable.js';

/** The file on disk is not what the edit was based on (changed, created or removed meanwhile). */
export class FileChangedError extends Error {}

/** Far larger than any data file coprod reads (2 MiB): an edit never has to compare more. */
const MAX_COMPARED_BYTES = 64 * 1024 * 1024;

/**
 * Writes one file atomically, the way every coprod write is made (see
 * `src/write/durable.ts`): the bytes go to a hidden temporary file in the same
 * folder, are flushed to disk, and the temporary file is renamed over the
 * target, so the target is never seen half-written. `expected` is what the
 * file must still hold (the bytes the edit was made from), or `null` when
 * the file must not exist yet; otherwise {@link FileChangedError} is thrown
 * and nothing is written. The file keeps its permissions.
 */
export async function writeFileAtomically(io: Io, file: string, bytes: Uint8Array, expected: Uint8Array | null): Promise<void> {
  const mode = await checkUnchanged(io, file, expected);
  const temp = hiddenName(file, newToken(), 'tmp');
  try {
    await writeDurably(io, temp, bytes, mode);
    await checkUnchanged(io, file, expected);
    await io.fs.rename(temp, file);
  } catch (error) {
    await io.fs.rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof FileChangedError) throw error;
    throw new OutputError(describeWriteError(error, file));
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

function describeWriteError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const advice: Record<string, string> = {
    EACCES: 'you do not have permission to change it',
    EPERM: 'the system refused the change',
    EROFS: 'it is on a read-only file system',
    ENOSPC: 'the disk is full',
    EDQUOT: 'your disk quota is used up',
  };
  return `could not write ${file}: ${(code && advice[code]) ?? (error as Error).message}. Nothing was changed.`;
}
