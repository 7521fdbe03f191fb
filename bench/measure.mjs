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
 * millisecond) is included in every figure alike. CPU time (user + system)
 * comes from the same source; on a busy machine it varies less than wall time.
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
 * cannot be measured); throws {@link CommandFailed} on an exit code not in
 * `exitCodes` (by default only 0).
 */
export function runOnce(argv, { cwd, env, probe, exitCodes = [0] }) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'coprod-bench-rss-'));
  const rssFile = path.join(scratch, 'maxrss');
  let command = argv;
  const childEnv = { ...env };
  if (probe === 'gnu-time') command = [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, ...argv];
  else if (argv[0] === process.execPath) {
    command = [argv[0], '--import', PRELOAD, ...argv.slice(1)];
    childEnv.BENCH_MAXRSS_FILE = rssFile;
  }
  try {
    const started = performance.now();
    const result = spawnSync(command[0], command.slice(1), {
      cwd,
      env: childEnv,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.error) throw new CommandFailed(`${argv.join(' ')}: ${result.error.message}`);
    if (!exitCodes.includes(result.status)) {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new CommandFailed(`${argv.join(' ')} exited with ${result.status ?? result.signal}:\n${tail}`);
    }
    let peakKiB = null;
    let cpuSeconds = null;
    if (existsSync(rssFile)) {
      // GNU time may put a status line first; the figures are on the last line.
      const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '');
      if (m) [peakKiB, cpuSeconds] = [Number(m[1]), Number(m[2]) + Number(m[3])];
    }
    return { seconds, peakKiB, cpuSeconds, stdout: result.stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(samples) {
  const peaks = samples.map((s) => s.peakKiB).filter((p) => p !== null);
  const cpu = samples.map((s) => s.cpuSeconds).filter((c) => c !== null && c !== undefined);
  return {
    runs: samples.map((s) => round(s.seconds, 4)),
    median: round(median(samples.map((s) => s.seconds)), 4),
    min: round(Math.min(...samples.map((s) => s.seconds)), 4),
    max: round(Math.max(...samples.map((s) => s.seconds)), 4),
    medianCpu: cpu.length ? round(median(cpu), 4) : null,
    peakMiB: peaks.length ? round(Math.max(...peaks) / 1024, 1) : null,
  };
}

/**
 * Runs each of `makers` (functions that run one or more processes and return
 * `{ seconds, peakKiB, cpuSeconds }`) in turn, `warmup` rounds unmeasured and
 * then `runs` rounds. Interleaving means a command and its baseline see the
 * same moments of a busy machine, so their ratio is steadier than their
 * times. Returns, per maker, every run's time, the medians and the highest
 * peak memory seen.
 */
export function repeatInterleaved(makers, { runs, warmup }) {
  for (let i = 0; i < warmup; i++) for (const make of makers) make();
  const samples = makers.map(() => []);
  for (let i = 0; i < runs; i++) makers.forEach((make, k) => samples[k].push(make()));
  return samples.map(summarise);
}

export function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
