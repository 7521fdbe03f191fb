import path from 'node:path';
import { lock } from 'proper-lockfile';
import { OutputError } from '../errors.js';
import { describeFsError } from './errors.js';

/** The lock in an output folder while coprod writes there: a hidden folder, made atomically. */
export const LOCK_NAME = '.coprod.lock';

/**
 * A lock its holder refreshes every half of this; one older than this is
 * taken to be left by a run that was killed, and is taken over.
 */
export const LOCK_STALE_MS = 5_000;

/** How long a second run waits for the lock, in all, before it gives up: long enough to outlast a stale lock. */
const RETRIES = { retries: 20, factor: 1.3, minTimeout: 100, maxTimeout: 1_000 };

/** A held lock: `release` lets the next run in; `lost` is set if another process took the lock over meanwhile. */
export interface FolderLock {
  release(): Promise<void>;
  readonly lost: boolean;
}

/**
 * Locks an output folder (which must exist) against other coprod runs, so
 * that two runs into one folder never mix their files or their manifests:
 * the second waits while the first writes (about 15 s at most), then goes
 * on, or stops with exit 2 saying that another coprod is writing there. A
 * lock left by a killed run goes stale within {@link LOCK_STALE_MS} and is
 * taken over. proper-lockfile does the locking (mkdir is atomic on every file
 * system, network ones included) and removes the lock if coprod is
 * interrupted.
 */
export async function lockFolder(dir: string, shown: string): Promise<FolderLock> {
  let lost = false;
  try {
    const release = await lock(dir, {
      lockfilePath: path.join(dir, LOCK_NAME),
      realpath: false,
      stale: LOCK_STALE_MS,
      retries: RETRIES,
      onCompromised: () => {
        lost = true;
      },
    });
    return {
      release: () => release().catch(() => undefined),
      get lost() {
        return lost;
      },
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new OutputError(
        `another coprod is writing to ${shown} (it holds ${path.join(shown, LOCK_NAME)}), so nothing was written; run the command again when it has finished, or choose another folder with --out`,
      );
    }
    throw new OutputError(describeFsError(error, shown, 'lock the output folder'));
  }
}
