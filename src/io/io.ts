import * as fsp from 'node:fs/promises';
import { inquirerPrompts } from '../prompt/inquirer.js';
import type { Prompts } from '../prompt/prompts.js';

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
 * clock, the environment, the terminal and the questions asked on it. Only
 * `bin/` builds the real one.
 */
export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  fs: FileSystem;
  /**
   * Questions for the person at the terminal. Absent means nobody can be
   * asked; commands ask only when standard input and output are terminals.
   */
  prompts?: Prompts;
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
    prompts: inquirerPrompts(),
  };
}
