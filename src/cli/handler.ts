import type { Io } from '../io/io.js';

/** A command's handler: receives parsed options and arguments, returns an exit code. */
export type Handler = (options: Record<string, unknown>, args: string[], io: Io) => Promise<number>;
