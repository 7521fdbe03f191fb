import path from 'node:path';
import { sourceMap } from '../../../diagnostics/position.js';
import { formatPretty } from '../../../diagnostics/pretty.js';
import { EditError } from '../../../edit/append.js';
import { FileChangedError, writeFileAtomically } from '../../../write/atomic.js';
import { addToDepartmentFile, type Addition, type EditedFile } from '../../../edit/department-file.js';
import { checkChange } from '../../../edit/would-be.js';
import type { Io } from '../../../io/io.js';
import type { DataFolder } from '../../../load/folder.js';
import type { Prompts } from '../../../prompt/prompts.js';
import { useColor } from '../../color.js';
import { EXIT } from '../../exit.js';
import { say } from '../../shared.js';

/** The department file an entry goes into. */
export interface Destination {
  /** The path as the loader shows it (relative to the working folder). */
  shown: string;
  /** What the file holds now, or null when it is to be created from `template`. */
  before: Uint8Array | null;
  template?: string;
}

/**
 * Adds the entry: splices it into the file's text, checks the whole folder
 * as it would be with the same rules as `coprod validate` (only problems in
 * the new entry, or new errors, stop it), shows what will be added, asks for
 * confirmation when someone can answer, then writes the file atomically.
 */
export async function commitAddition(
  io: Io,
  folder: DataFolder,
  destination: Destination,
  addition: Addition,
  options: { prompts?: Prompts; yes: boolean; label: string },
): Promise<number> {
  const { shown } = destination;
  const start = destination.before ?? new TextEncoder().encode(destination.template ?? '');
  let edited: EditedFile;
  try {
    edited = addToDepartmentFile(start, addition);
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    say(
      io,
      `coprod: cannot add to ${shown} without changing what is already in it: ${error.message}. Nothing was written; add the entry by hand.`,
    );
    return EXIT.DATA;
  }

  const check = checkChange(folder, shown, edited.bytes, edited.range);
  if (check.blocking.length > 0) {
    const sources = sourceMap([check.folder.council, check.folder.framework, ...check.folder.activities]);
    io.stderr.write(formatPretty(check.blocking, { sources, color: useColor(io, io.stderr) }));
    say(io, `coprod: the new ${options.label} would not pass \`coprod validate\` (see above), so nothing was written.`);
    return EXIT.DATA;
  }

  const asking = options.prompts !== undefined && !options.yes;
  if (asking) {
    say(io, `\nThis ${options.label} will be added to ${shown}:\n\n${excerpt(edited)}\n`);
    if (!(await options.prompts!.confirm({ message: 'Add it?', default: true }))) {
      say(io, 'coprod: nothing was written.');
      return EXIT.DATA;
    }
  }
  try {
    await writeFileAtomically(io, path.resolve(io.cwd, shown), edited.bytes, destination.before);
  } catch (error) {
    if (!(error instanceof FileChangedError)) throw error;
    say(io, `coprod: ${error.message}, so nothing was written. Run the command again.`);
    return EXIT.DATA;
  }
  say(
    io,
    asking
      ? `added the ${options.label} to ${shown}`
      : `added the ${options.label} to ${shown}:\n\n${excerpt(edited)}\n`,
  );
  return EXIT.OK;
}

/** The new entry's lines, moved left so the shallowest starts at two spaces. */
function excerpt(edited: EditedFile): string {
  const lines = edited.text.slice(edited.range[0], edited.range[1]).split(/\r?\n/);
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => (l.trim() === '' ? '' : `  ${l.slice(indent)}`)).join('\n');
}
