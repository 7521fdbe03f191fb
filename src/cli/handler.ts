import type { Io } from '../io/io.js';

/** A command's handler: receives its parsed options (typed by ./options.ts) and arguments, returns an exit code. */
export type Handler<O> = (options: O, args: readonly string[], io: Io) => Promise<number>;
