import { watch } from 'chokidar';

/** How long to wait after a change for the rest of a save (editors write a file in several steps). */
const SETTLE_MS = 60;

/**
 * Calls `changed` once after any file under `paths` is added, changed or
 * removed, however many events one save makes. chokidar, because node's own
 * `fs.watch` misses or doubles events on some systems and editors' atomic
 * saves. Returns a function that stops watching.
 */
export function watchFiles(
  paths: readonly string[],
  changed: () => void,
  failed: (error: Error) => void,
): () => Promise<void> {
  const watcher = watch([...paths], {
    ignoreInitial: true,
    persistent: true,
    ignored: (file) => /(^|[\\/])\.(git|coprod)/.test(file),
  });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  });
  watcher.on('error', (error) => failed(error instanceof Error ? error : new Error(String(error))));
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
}
