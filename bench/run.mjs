#!/usr/bin/env node
/**
 * `npm run bench`: times coprod as whole processes on councils of three sizes
 * against baselines (node's start-up, a bare YAML parse, pandoc), prints one
 * table and writes every figure to bench/results/latest.json.
 *
 *   node bench/run.mjs [--quick] [--sizes S,M,L] [--runs N] [--runs-l N]
 *                      [--warmup N] [--seed N] [--no-pandoc] [--json FILE]
 *
 * Environment: BENCH_SIZES, BENCH_RUNS, BENCH_RUNS_L, BENCH_WARMUP stand for
 * the options. Exit 0 when every command ran (targets are goals, not
 * assertions); 1 when a command failed; 2 for bad options.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCouncil, SIZES } from './generate.mjs';
import { measureCase, PROMISE, WORST_CASES } from './worst-case.mjs';
import { CommandFailed, memoryProbe, repeatInterleaved, round, runOnce } from './measure.mjs';
import { formatTable } from './table.mjs';
import { evaluateTargets } from './targets.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'coprod.js');
const NODE = process.execPath;
const QUARTER = '2023/24-Q1';
const HALF = '2023/24-H1';

function parseOptions(argv, env) {
  const o = {
    sizes: (env.BENCH_SIZES ?? 'S,M,L').split(','),
    runs: Number(env.BENCH_RUNS ?? 5),
    runsL: Number(env.BENCH_RUNS_L ?? 3),
    warmup: Number(env.BENCH_WARMUP ?? 1),
    seed: 1,
    pandoc: true,
    json: path.join(ROOT, 'bench', 'results', 'latest.json'),
    dataDir: path.join(ROOT, 'bench', 'results', 'data'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--quick') Object.assign(o, { sizes: ['S', 'M'], runs: 1, runsL: 1, warmup: 0, quick: true });
    else if (arg === '--sizes') o.sizes = value().split(',');
    else if (arg === '--runs') o.runs = Number(value());
    else if (arg === '--runs-l') o.runsL = Number(value());
    else if (arg === '--warmup') o.warmup = Number(value());
    else if (arg === '--seed') o.seed = Number(value());
    else if (arg === '--no-pandoc') o.pandoc = false;
    else if (arg === '--json') o.json = path.resolve(value());
    else throw new Error(`unknown option ${arg}`);
  }
  o.sizes = o.sizes.map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (o.sizes.some((s) => !(s in SIZES))) throw new Error('--sizes takes S, M and L, comma-separated');
  for (const k of ['runs', 'runsL', 'seed'])
    if (!Number.isInteger(o[k]) || o[k] < 1)
      throw new Error(`--${k === 'runsL' ? 'runs-l' : k} must be a whole number of at least 1`);
  if (!Number.isInteger(o.warmup) || o.warmup < 0) throw new Error('--warmup must be a whole number');
  return o;
}

function toolVersion(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0].trim() : null;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function freshDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

function markdownIn(dir) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** pandoc once per paper, one process each, as a user converting coprod's Markdown would. */
function pandocAll(files, ctx) {
  const out = freshDir('coprod-bench-pandoc-');
  try {
    let seconds = 0;
    let cpuSeconds = 0;
    let peakKiB = null;
    for (const file of files) {
      const r = runOnce(
        ['pandoc', '-f', 'gfm', '-t', 'docx', '-o', path.join(out, `${path.basename(file, '.md')}.docx`), file],
        ctx,
      );
      seconds += r.seconds;
      cpuSeconds = r.cpuSeconds === null || cpuSeconds === null ? null : cpuSeconds + r.cpuSeconds;
      if (r.peakKiB !== null) peakKiB = Math.max(peakKiB ?? 0, r.peakKiB);
    }
    return { seconds, cpuSeconds, peakKiB };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main() {
  let o;
  try {
    o = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
  const loadAtStart = os.loadavg();
  const probe = memoryProbe();
  const pandocVersion = o.pandoc ? toolVersion(['pandoc', '--version']) : null;
  // Children get a clean environment: NODE_OPTIONS or NODE_EXTRA_CA_CERTS on the machine running
  // the benchmark would add tens of milliseconds to every node start and skew the start-up ratios.
  const ctx = { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' }, probe };
  const coprod = (...args) => [NODE, BIN, ...args];
  const measurements = [];
  const byKey = new Map();
  let failed = false;
  const log = (s) => process.stderr.write(`${s}\n`);

  /**
   * Measures several things in interleaved rounds (`[[name, make], ...]`);
   * a failure is recorded and the run goes on.
   */
  const measureTogether = (size, named, runs) => {
    log(`bench: ${size} ${named.map(([n]) => n).join(', ')} (${plural(runs, 'run')})`);
    try {
      const results = repeatInterleaved(
        named.map(([, make]) => make),
        { runs, warmup: o.warmup },
      );
      named.forEach(([name], k) => {
        const m = { key: `${size}:${name}`, size, name, ...results[k] };
        measurements.push(m);
        byKey.set(m.key, m);
      });
    } catch (error) {
      if (!(error instanceof CommandFailed)) throw error;
      failed = true;
      log(`bench: FAILED ${error.message}`);
      for (const [name] of named)
        measurements.push({ key: `${size}:${name}`, size, name, median: null, peakMiB: null, error: error.message });
    }
  };
  const measure = (size, name, make, runs) => measureTogether(size, [[name, make]], runs);
  const unavailable = (size, name) =>
    measurements.push({ key: `${size}:${name}`, size, name, median: null, peakMiB: null, unavailable: true });

  const help = runOnce(coprod('--help'), ctx);
  const packAvailable = /^\s+pack\b/m.test(help.stdout);
  // Start-up is cheap to measure and easily disturbed, so it gets three times the runs.
  measureTogether(
    '-',
    [
      ['node -e 0', () => runOnce([NODE, '-e', '0'], ctx)],
      ['coprod --help', () => runOnce(coprod('--help'), ctx)],
    ],
    o.runs * 3,
  );

  const datasets = {};
  mkdirSync(o.dataDir, { recursive: true });
  for (const size of o.sizes) {
    const dir = path.join(o.dataDir, size);
    log(`bench: writing the ${size} council to ${path.relative(ROOT, dir)}`);
    datasets[size] = { dir, ...generateCouncil({ activities: SIZES[size], seed: o.seed, out: dir }) };
    const runs = size === 'L' ? o.runsL : o.runs;

    measureTogether(
      size,
      [
        ['parse floor', () => runOnce([NODE, path.join(ROOT, 'bench', 'parse-floor.mjs'), dir], ctx)],
        ['coprod validate', () => runOnce(coprod('validate', '--data', dir), ctx)],
      ],
      runs,
    );

    let reportOut;
    measure(
      size,
      'coprod report',
      () => {
        if (reportOut) rmSync(reportOut, { recursive: true, force: true });
        reportOut = freshDir('coprod-bench-report-');
        return runOnce(
          coprod('report', '--quarter', QUARTER, '--data', dir, '--out', reportOut, '--format', 'md'),
          ctx,
        );
      },
      runs,
    );
    if (o.pandoc && pandocVersion && reportOut && markdownIn(reportOut).length > 0) {
      const files = markdownIn(reportOut);
      measure(size, 'pandoc (report md)', () => pandocAll(files, ctx), runs);
    }
    if (reportOut) rmSync(reportOut, { recursive: true, force: true });

    if (packAvailable) {
      // The pack three ways, interleaved: as a clerk gets it (Markdown, Word, web pages, charts), without its
      // charts (what the charts cost), and Word alone without charts (its Markdown is still made, as the source
      // of every document: the pack pandoc is compared with). At L, whose targets are time and memory, only the first.
      const packs = [
        ['coprod pack', ['--format', 'all']],
        ['coprod pack --no-charts', ['--format', 'all', '--no-charts']],
        ['coprod pack --format docx --no-charts', ['--format', 'docx', '--no-charts']],
      ].slice(0, size === 'L' ? 1 : 3);
      const outs = new Map();
      measureTogether(
        size,
        packs.map(([name, args]) => [
          name,
          () => {
            if (outs.has(name)) rmSync(outs.get(name), { recursive: true, force: true });
            outs.set(name, freshDir('coprod-bench-pack-'));
            return runOnce(coprod('pack', '--half', HALF, '--data', dir, '--out', outs.get(name), ...args), ctx);
          },
        ]),
        runs,
      );
      // pandoc converts the same Markdown: the pack's papers without charts, which pandoc would not draw.
      const plain = outs.get('coprod pack --no-charts') ?? outs.get('coprod pack');
      if (o.pandoc && pandocVersion && plain && markdownIn(plain).length > 0) {
        const files = markdownIn(plain);
        measure(size, 'pandoc (pack md)', () => pandocAll(files, ctx), runs);
      }
      for (const out of outs.values()) rmSync(out, { recursive: true, force: true });
    } else {
      unavailable(size, 'coprod pack');
    }
  }

  // The worst files within coprod's input limits: each must validate in at most a second and 300 MB.
  const worst = o.quick ? [] : WORST_CASES.map((c) => ({ name: c.name, ...measureCase(c, { runs: 3 }) }));
  const loadAtEnd = os.loadavg();
  const checks = evaluateTargets(byKey, o.sizes, { packAvailable });
  process.stdout.write(`\n${formatTable(measurements, checks)}\n\n`);
  process.stdout.write(
    `Median of ${plural(o.runs, 'run')} (${o.runsL} at L, ${o.runs * 3} for start-up) after ${plural(o.warmup, 'warm-up run')}; peak MiB is the maximum resident set size (${probe === 'gnu-time' ? 'GNU time %M' : 'node process.resourceUsage().maxRSS'}).\n` +
      `Load average ${loadAtStart[0].toFixed(1)} at the start and ${loadAtEnd[0].toFixed(1)} at the end, on ${os.cpus().length} CPUs; on a busy machine compare ratios, and medianCpu in the JSON, rather than single times.\n` +
      `${packAvailable ? '' : 'pack: not available in this build of coprod, so its targets are not measured.\n'}` +
      `${o.pandoc && !pandocVersion ? 'pandoc: not installed, so there is no pandoc baseline.\n' : ''}`,
  );

  if (worst.length > 0) {
    process.stdout.write(
      `Worst-case files for validate (best of 3 runs; promise: ${PROMISE.seconds} s and ${PROMISE.mebibytes} MB each):\n`,
    );
    for (const w of worst)
      process.stdout.write(
        `  ${w.name.padEnd(28)} ${w.seconds.toFixed(2).padStart(6)} s ${String(Math.round(w.mebibytes)).padStart(5)} MiB  ${w.seconds <= PROMISE.seconds && w.mebibytes <= PROMISE.mebibytes ? 'met' : 'NOT met'}\n`,
      );
  }

  const results = {
    date: new Date().toISOString(),
    machine: {
      platform: `${os.platform()} ${os.release()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryMiB: Math.round(os.totalmem() / 1048576),
      loadAverageAtStart: loadAtStart.map((l) => round(l, 2)),
      loadAverageAtEnd: loadAtEnd.map((l) => round(l, 2)),
    },
    node: process.version,
    pandoc: pandocVersion,
    memoryProbe: probe,
    commit: toolVersion(['git', '-C', ROOT, 'rev-parse', 'HEAD']),
    options: { sizes: o.sizes, runs: o.runs, runsL: o.runsL, warmup: o.warmup, seed: o.seed, quick: o.quick === true },
    packAvailable,
    datasets: Object.fromEntries(
      Object.entries(datasets).map(([k, v]) => [k, { ...v, dir: path.relative(ROOT, v.dir) }]),
    ),
    measurements,
    worstCase: worst,
    targets: checks.map(({ on, value, unit, limit, target, met }) => ({
      on,
      value: value === null ? null : round(value, 3),
      unit,
      limit,
      target,
      met,
    })),
  };
  mkdirSync(path.dirname(o.json), { recursive: true });
  writeFileSync(o.json, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`Results: ${path.relative(process.cwd(), o.json) || o.json}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
