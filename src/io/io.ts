import * as fsp from 'node:fs/promises';

/** The file-system calls coprod makes; tests may pass a fault-injecting copy. */
export type FileSystem = Pick<
  typeof fsp,
  'readFile' | 'readdir' | 'stat' | 'lstat' | 'writeFile' | 'rename' | 'mkdir' | 'unlink' | 'rm' | 'open' | 'access'
>;

/** A stream coprod writes to. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything from the outside world a command may touch: the file system, the
 * clock, the environment and the terminal. Only `bin/` builds the real one.
 */
export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  fs: FileSystem;
}

/** The real world, for the binary. */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    fs: fsp,
  };
}
