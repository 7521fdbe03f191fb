import path from 'node:path';
import type { Io } from '../io/io.js';
import { writeOutputs, type OutputFile } from '../write/outputs.js';
import { EXIT } from './exit.js';
import { say } from './shared.js';

/** Writes outputs and tells the user what happened; exit 1 when hand-edited files were left alone. */
export async function reportWrite(io: Io, out: string, files: readonly OutputFile[], force: boolean): Promise<number> {
  const result = await writeOutputs(path.resolve(io.cwd, out), files, io, { force });
  if (result.conflicts.length > 0 && !force) return refuseConflicts(io, out, result.conflicts);
  for (const name of result.written) say(io, `wrote ${path.join(out, name)}`);
  for (const name of result.unchanged) say(io, `unchanged ${path.join(out, name)}`);
  return EXIT.OK;
}

/** Names the hand-edited files that were left alone, says what to do, and returns exit 1. */
export function refuseConflicts(io: Io, out: string, conflicts: readonly string[]): number {
  say(
    io,
    'coprod: these files were changed by hand since coprod wrote them (or were not written by coprod), so nothing was written:',
  );
  for (const name of conflicts) say(io, `  ${path.join(out, name)}`);
  say(io, 'Move your changes elsewhere, or run again with --force to replace them.');
  return EXIT.DATA;
}
