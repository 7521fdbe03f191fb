/**
 * Runs a command as a whole process and measures its wall time and peak
 * memory (maximum resident set size).
 *
 * Peak memory comes from GNU time (`/usr/bin/time -f %M`), which reads the
 * child's rusage when it exits and so sees the whole process, whatever it is
 * (node or pandoc). Without GNU time, node commands are started with a
 * preload (maxrss-preload.mjs) that writes `process.resourceUsage().maxRSS`
 * at exit; other commands then have no memory figure. Wall time is taken
 * here, around the spawn, so the wrapper's own start-up (about a
 * millisecond) is included in every figure alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('./maxrss-preload.mjs', import.meta.url));

/** How peak memory is measured on this machine: 'gnu-time' or 'node-preload'. */
export function memoryProbe() {
  if (!existsSync(GNU_TIME)) return 'node-preload';
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? 'gnu-time' : 'node-preload';
}

/** Thrown when a measured command exits non-zero. */
export class CommandFailed extends Error {}

/**
 * Runs `argv` once. Returns `{ seconds, peakKiB }` (peakKiB null when it
 * cannot be measured); throws {@link CommandFailed} on a non-zero exit.
 */
export function runOnce(argv, { cwd, env, probe }) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'coprod-bench-rss-'));
  const rssFile = path.join(scratch, 'maxrss');
  let command = argv;
  const childEnv = { ...env };
  if (probe === 'gnu-time') command = [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv];
  else if (argv[0] === process.execPath) {
    command = [argv[0], '--import', PRELOAD, ...argv.slice(1)];
    childEnv.BENCH_MAXRSS_FILE = rssFile;
  }
  try {
    const started = performance.now();
    const result = spawnSync(command[0], command.slice(1), { cwd, env: childEnv, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    if (result.error) throw new CommandFailed(`${argv.join(' ')}: ${result.error.message}`);
    if (result.status !== 0) {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new CommandFailed(`${argv.join(' ')} exited with ${result.status ?? result.signal}:\n${tail}`);
    }
    let peakKiB = null;
    if (existsSync(rssFile)) {
      // GNU time may put a status line first; the figure is the last line.
      const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop();
      if (/^\d+$/.test(last ?? '')) peakKiB = Number(last);
    }
    return { seconds, peakKiB, stdout: result.stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `make(i)` (which runs one or more processes and returns
 * `{ seconds, peakKiB }`) `warmup` times unmeasured, then `runs` times.
 * Returns every run's time, the median, and the highest peak memory seen.
 */
export function repeat(make, { runs, warmup }) {
  for (let i = 0; i < warmup; i++) make(-1 - i);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(make(i));
  const peaks = samples.map((s) => s.peakKiB).filter((p) => p !== null);
  return {
    runs: samples.map((s) => round(s.seconds, 4)),
    median: round(median(samples.map((s) => s.seconds)), 4),
    min: round(Math.min(...samples.map((s) => s.seconds)), 4),
    max: round(Math.max(...samples.map((s) => s.seconds)), 4),
    peakMiB: peaks.length ? round(Math.max(...peaks) / 1024, 1) : null,
  };
}

export function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
