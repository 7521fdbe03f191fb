import type { Io, OutStream } from '../io/io.js';

/**
 * Whether to colour a stream: never with NO_COLOR (chalk itself ignores it),
 * always with FORCE_COLOR (other than 0), otherwise only on a terminal.
 */
export function useColor(io: Io, stream: OutStream): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}
