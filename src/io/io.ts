import type * as fsp from 'node:fs/promises';
import { inquirerPrompts } from '../prompt/inquirer.js';
import type { Prompts } from '../prompt/prompts.js';

/** The file-system calls coprod makes; tests may pass a fault-injecting copy. */
export type FileSystem = Pick<
  typeof fsp,
  | 'readFile'
  | 'readdir'
  | 'stat'
  | 'lstat'
  | 'realpath'
  | 'writeFile'
  | 'rename'
  | 'mkdir'
  | 'rmdir'
  | 'unlink'
  | 'rm'
  | 'open'
  | 'access'
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
  prompts?: Prompts | undefined;
  /**
   * Calls `stop` when the user interrupts coprod (Ctrl-C) or it is asked to
   * end; returns a function that stops listening. Only a command that runs
   * until stopped (`preview`) listens: every other command ends at Ctrl-C as
   * any program does.
   */
  onInterrupt?: ((stop: () => void) => () => void) | undefined;
}

/**
 * The real world, for the binary. Standard input and the file system module
 * are looked up on first use: setting them up takes milliseconds that
 * `coprod --help` does not need.
 */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    get fs() {
      return process.getBuiltinModule('node:fs/promises');
    },
    prompts: inquirerPrompts(),
    onInterrupt(stop) {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      };
    },
  };
}
