import type { Io } from '../io/io.js';
import type { Prompts } from './prompts.js';
import { safePrompts } from './safe-prompts.js';

/**
 * The prompts to use, or undefined when nobody can answer them: standard
 * input or output is not a terminal, or `CI` is set. A prompt that nobody can
 * answer would wait for ever, so commands must then stop with the list of
 * values to pass as flags instead. Every text a question shows passes the
 * terminal sanitiser ({@link safePrompts}).
 */
export function availablePrompts(io: Io): Prompts | undefined {
  if (!io.prompts) return undefined;
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) return undefined;
  if (runsInCi(io.env)) return undefined;
  return safePrompts(io.prompts);
}

/** Whether `CI` is set to anything but an empty string, `0` or `false`. */
export function runsInCi(env: Io['env']): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
