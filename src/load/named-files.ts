import path from 'node:path';
import type { FileSystem, Io } from '../io/io.js';
import { readUserFile } from '../io/read-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { imageInfo } from './image.js';
import { locate } from './locate.js';
import type { SourceFile } from './source.js';

/** A logo larger than this is refused without being read: a council's logo is tens of kilobytes. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/** Where council.yaml names the logo. */
const LOGO_PATH = ['council', 'style', 'logo', 'path'] as const;

/**
 * Checks the files the data names (today, the council's logo) when the
 * folder is read, so that `validate` refuses them as it refuses a mistake in
 * the data, before any command would open them: each must be an ordinary
 * file inside the data folder, within its size limit, and of the right kind.
 * Returns the problems as diagnostics pointing at the path in the data.
 */
export async function checkNamedFiles(
  folder: { dir: string; council?: SourceFile | undefined },
  io: Io,
): Promise<Diagnostic[]> {
  const council = folder.council;
  const named = valueAt(council?.data, LOGO_PATH);
  if (!council || typeof named !== 'string' || named.trim() === '') return [];
  const problem = await readLogo(io.fs, folder.dir, named);
  if (problem.ok) return [];
  const range = locate(council, LOGO_PATH);
  return [
    {
      code: 'logo-unusable',
      severity: 'error',
      file: council.path,
      message: `The logo \`${named}\` ${problem.message}`,
      ...(range ? { range } : {}),
      ...(problem.hint ? { hint: problem.hint } : {}),
    },
  ];
}

/** A logo read and checked, or what is wrong with it, in words that follow its name. */
export type LogoRead =
  | { ok: true; bytes: Uint8Array; type: 'png' | 'jpg'; width: number; height: number }
  | { ok: false; notImage: boolean; message: string; hint?: string };

/**
 * Reads the logo the council names (`named`, relative to the data folder):
 * an ordinary file inside the data folder, within {@link MAX_LOGO_BYTES},
 * and a PNG or JPEG. Used by `validate` and by the DOCX writer alike.
 */
export async function readLogo(fs: FileSystem, dataDir: string, named: string): Promise<LogoRead> {
  const read = await readUserFile(fs, path.resolve(dataDir, named), { maxBytes: MAX_LOGO_BYTES, inside: dataDir });
  if (!read.ok) {
    return read.problem.code === 'outside'
      ? {
          ok: false,
          notImage: false,
          message: 'is outside the data folder',
          hint: 'copy the logo into the data folder and give its path relative to it, e.g. `logo.png`',
        }
      : {
          ok: false,
          notImage: false,
          message: read.problem.message,
          ...(read.problem.hint ? { hint: read.problem.hint } : {}),
        };
  }
  const info = imageInfo(read.bytes);
  if (!info)
    return {
      ok: false,
      notImage: true,
      message: 'is not a PNG or JPEG image',
      hint: 'Word documents need a PNG or JPEG logo: save it again in one of those formats',
    };
  return { ok: true, bytes: read.bytes, ...info };
}

function valueAt(data: unknown, keys: readonly string[]): unknown {
  let value = data;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
