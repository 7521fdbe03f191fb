import { terminalSafe } from '../diagnostics/sanitise.js';
import type { Io, OutStream } from './io.js';

/**
 * The same world with standard output and standard error made safe for a
 * terminal: every chunk passes through {@link terminalSafe}, so no control
 * character from the data, a file name or an argument reaches the terminal
 * as itself, whichever command or message printed it; colour sequences pass
 * only on a stream that `colour` says is coloured. The other members are read
 * through on use, so those made on first use (standard input, the file
 * system) stay that way.
 */
export function withSafeOutput(io: Io, colour: (stream: OutStream) => boolean): Io {
  const guard = (stream: OutStream): OutStream => {
    const coloured = colour(stream);
    return {
      write: (chunk: string) => stream.write(terminalSafe(String(chunk), coloured)),
      ...(stream.isTTY !== undefined ? { isTTY: stream.isTTY } : {}),
    };
  };
  const stdout = guard(io.stdout);
  const stderr = guard(io.stderr);
  return {
    get cwd() {
      return io.cwd;
    },
    get env() {
      return io.env;
    },
    stdout,
    stderr,
    get stdin() {
      return io.stdin;
    },
    get fs() {
      return io.fs;
    },
    get prompts() {
      return io.prompts;
    },
    get onInterrupt() {
      return io.onInterrupt;
    },
  };
}
