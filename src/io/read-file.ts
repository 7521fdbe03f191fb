import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { FileSystem } from './io.js';

/** Why a file named by the data or an option was not read. */
export type UserFileProblemCode =
  /** Nothing there, or a link to nothing. */
  | 'missing'
  /** The path leaves the folder it must stay in (`../`, an absolute path, or a link pointing out). */
  | 'outside'
  /** A folder where a file was expected. */
  | 'folder'
  /** A named pipe, device or socket: reading it could block for ever or never end. */
  | 'not-regular'
  | 'too-large'
  | 'denied'
  | 'link-loop'
  | 'unreadable';

/** A problem, in words: `message` completes a sentence that starts with the file's name. */
export interface UserFileProblem {
  code: UserFileProblemCode;
  message: string;
  hint?: string;
}

export type UserFileRead = { ok: true; bytes: Uint8Array; size: number } | { ok: false; problem: UserFileProblem };

export interface UserFileLimits {
  /** Larger files are refused without being read. */
  maxBytes: number;
  /** When set, the file (after following links) must be inside this folder. */
  inside?: string;
}

/**
 * Reads a file that the data or an option names, safely: it must be an
 * ordinary file (checked before it is opened, and again on the opened
 * file), at most `maxBytes` long, and with `inside`, inside that folder once
 * links are followed. It is opened non-blocking, so a named pipe swapped in
 * between the check and the open cannot hang coprod, and never more than
 * `maxBytes` are read, so a device such as /dev/zero cannot fill memory.
 * Never throws for a problem with the file: it is returned in words.
 */
export async function readUserFile(fs: FileSystem, file: string, limits: UserFileLimits): Promise<UserFileRead> {
  const fail = (problem: UserFileProblem): UserFileRead => ({ ok: false, problem });
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (error) {
    return fail(openProblem(error));
  }
  if (limits.inside !== undefined) {
    const folder = await fs.realpath(limits.inside).catch(() => path.resolve(limits.inside!));
    const relative = path.relative(folder, real);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      return fail({
        code: 'outside',
        message: `is outside the folder ${limits.inside}`,
        hint: 'keep the file inside the data folder and give its path relative to it',
      });
    }
  }
  let stat;
  try {
    stat = await fs.stat(real);
  } catch (error) {
    return fail(openProblem(error));
  }
  const kind = checkKind(stat, limits.maxBytes);
  if (kind) return fail(kind);

  let handle;
  try {
    // O_NONBLOCK: opening a named pipe would otherwise wait for a writer.
    handle = await fs.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return fail(openProblem(error));
  }
  try {
    // The file may have been replaced between the check and the open: check what was opened.
    const opened = checkKind(await handle.stat(), limits.maxBytes);
    if (opened) return fail(opened);
    const bytes = await readAtMost(handle, stat.size, limits.maxBytes + 1);
    if (bytes.length > limits.maxBytes) return fail(tooLarge(bytes.length, limits.maxBytes));
    return { ok: true, bytes, size: bytes.length };
  } catch (error) {
    return fail(openProblem(error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads until the end of the file or `limit` bytes, whichever comes first:
 * `expected` (the size measured before opening) sizes the first buffer, and a
 * file that grew since is read on into a larger one.
 */
async function readAtMost(handle: FileHandle, expected: number, limit: number): Promise<Uint8Array> {
  let buffer = new Uint8Array(Math.min(limit, Math.max(expected, 0) + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) return buffer;
      const larger = new Uint8Array(Math.min(limit, buffer.length * 2));
      larger.set(buffer);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}

/** The problem with a file of this kind and size, if any. */
function checkKind(
  stat: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; size: number },
  maxBytes: number,
): UserFileProblem | undefined {
  if (stat.isDirectory()) return { code: 'folder', message: 'is a folder, not a file', hint: 'name the file itself' };
  if (!stat.isFile()) {
    const what = stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device';
    return {
      code: 'not-regular',
      message: `is ${what}, not an ordinary file, so coprod does not read it`,
      hint: 'name an ordinary file',
    };
  }
  if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
  return undefined;
}

function tooLarge(size: number, maxBytes: number): UserFileProblem {
  return {
    code: 'too-large',
    message: `is ${formatBytes(size)}; coprod reads at most ${formatBytes(maxBytes)} here`,
    hint: 'check that this is the right file',
  };
}

/** "2.1 MiB", "900 KiB", "12 bytes": rounded up, so a file just over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.ceil((bytes / 1048576) * 10) / 10).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** Why a file could not be opened or read, in words, with what to do. */
export function openProblem(error: unknown): UserFileProblem {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return {
        code: 'missing',
        message: 'does not exist (or is a link to nothing)',
        hint: 'check the path and the spelling',
      };
    case 'ENOTDIR':
      return {
        code: 'missing',
        message: 'does not exist: part of its path is a file, not a folder',
        hint: 'check the path',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'denied',
        message: 'cannot be opened: permission denied',
        hint: 'ask whoever manages the folder to let you read the file',
      };
    case 'ELOOP':
      return {
        code: 'link-loop',
        message: 'is a symbolic link that leads back to itself',
        hint: 'replace the link with the file itself',
      };
    case 'EISDIR':
      return { code: 'folder', message: 'is a folder, not a file', hint: 'name the file itself' };
    default:
      return { code: 'unreadable', message: `cannot be read (${code ?? (error as Error).message})` };
  }
}
