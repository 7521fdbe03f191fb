import path from 'node:path';
import type { Io } from '../io/io.js';

/**
 * Creates `dir` and any missing parents, like `mkdir -p`, one level at a
 * time with each level's error final.
 *
 * Not `fs.mkdir(dir, { recursive: true })`: on Linux, Node's recursive mkdir
 * spins forever at full CPU when a folder exists but answers ENOENT for a
 * child, as everything under /proc does (and a link to a missing folder):
 * it takes the ENOENT to mean "make the parent first", finds the parent
 * there (EEXIST), and tries the child again, for ever.
 *
 * Returns the folders it made, outermost first.
 */
export async function makeFolder(dir: string, io: Io): Promise<string[]> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const found = await io.fs.stat(at).catch((error: NodeJS.ErrnoException) => error);
    if (!(found instanceof Error)) {
      if (!found.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: at });
      break;
    }
    if (found.code !== 'ENOENT' || path.dirname(at) === at) throw found;
    missing.push(at);
  }
  const made: string[] = [];
  for (const folder of missing.reverse()) {
    try {
      await io.fs.mkdir(folder);
      made.push(folder);
    } catch (error) {
      // Made meanwhile (another coprod writing the same folder) is as good as made here.
      const madeMeanwhile = (error as NodeJS.ErrnoException).code === 'EEXIST' && (await io.fs.stat(folder).then((s) => s.isDirectory(), () => false));
      if (!madeMeanwhile) throw error;
    }
  }
  return made;
}
