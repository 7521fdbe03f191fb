import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Io } from '../io/io.js';
import { readUserFile } from '../io/read-file.js';

/** The manifest coprod keeps in an output folder: the hash of every file it wrote. */
export const MANIFEST_NAME = '.coprod-manifest.json';

/**
 * `files`: the SHA-256 of each file as coprod last wrote it. `previous`: the
 * hashes of the versions a write replaced. The manifest is written before
 * the files are renamed into place, so if the run is killed part of the way
 * through, each file holds one of the two, and both count as coprod's own.
 */
export interface Manifest {
  version: 1;
  files: Record<string, string>;
  previous?: Record<string, string>;
}

/** Far more than the manifest of the largest pack (about 100 bytes a file). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The folder's manifest; none (or an unreadable one) means every existing file counts as not written by coprod. */
export async function readManifest(dir: string, io: Io): Promise<Manifest> {
  const read = await readUserFile(io.fs, path.join(dir, MANIFEST_NAME), { maxBytes: MAX_MANIFEST_BYTES });
  if (!read.ok) return { version: 1, files: {} };
  try {
    const parsed = JSON.parse(new TextDecoder().decode(read.bytes)) as Partial<Manifest>;
    if (parsed && isHashes(parsed.files))
      return {
        version: 1,
        files: { ...parsed.files },
        ...(isHashes(parsed.previous) ? { previous: { ...parsed.previous } } : {}),
      };
  } catch {
    // No manifest, or not one coprod wrote.
  }
  return { version: 1, files: {} };
}

function isHashes(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Whether bytes hashing to `hash` under `name` are coprod's own: what it wrote last, or what that write replaced. */
export function isOwn(manifest: Manifest, name: string, hash: string): boolean {
  const listed = (hashes: Record<string, string> | undefined) =>
    hashes !== undefined && Object.hasOwn(hashes, name) && hashes[name] === hash;
  return listed(manifest.files) || listed(manifest.previous);
}

/** The manifest's text, keys sorted so that it changes only when a hash does. */
export function serialiseManifest(manifest: Manifest): string {
  const sorted = (hashes: Record<string, string>) =>
    Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1)));
  const previous =
    manifest.previous && Object.keys(manifest.previous).length > 0 ? { previous: sorted(manifest.previous) } : {};
  return `${JSON.stringify({ version: 1, files: sorted(manifest.files), ...previous }, null, 2)}\n`;
}
