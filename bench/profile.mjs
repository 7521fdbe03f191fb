#!/usr/bin/env node
/**
 * Profiles one coprod command with V8's sampling profiler and prints where
 * the time goes: by package or coprod file, by function (self time), and the
 * functions that contain most of the time (inclusive, each counted once per
 * stack).
 *
 *   node bench/profile.mjs [--top N] [--keep DIR] -- validate --data bench/results/data/L
 *   node bench/profile.mjs [--top N] --summarise FILE.cpuprofile
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const sourceMaps = new Map();

/**
 * coprod runs from a bundle (dist/, see scripts/bundle.mjs): a frame in it is
 * traced back through the bundle's source map to the file it came from, so
 * the summary names `yaml` or `src/validate/...`, not a chunk.
 */
function unbundled(frame) {
  if (!frame.url.startsWith('file://')) return frame;
  const file = fileURLToPath(frame.url);
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`;
    sourceMaps.set(
      file,
      existsSync(mapFile)
        ? { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: path.dirname(mapFile) }
        : null,
    );
  }
  const found = sourceMaps.get(file);
  const entry = found?.map.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return frame;
  const original = entry.originalSource.startsWith('file://')
    ? fileURLToPath(entry.originalSource)
    : path.resolve(found.dir, entry.originalSource);
  return { ...frame, url: pathToFileURL(original).href, lineNumber: entry.originalLine };
}

/** Where a frame's code lives: an npm package, a coprod file, node itself, or V8. */
function placeOf(url) {
  if (!url) return '(v8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return '(node)';
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

/** A function's name and where it is: `next  yaml/dist/parse/lexer.js:176`. */
function keyOf(frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const inPackage = /node_modules\/(.*)$/.exec(frame.url);
  return `${name}  ${inPackage ? inPackage[1] : placeOf(frame.url)}:${frame.lineNumber + 1}`;
}

/** Self and inclusive milliseconds per function and per place, from a .cpuprofile. */
export function summarise(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((s, v) => s + v, 0);
  const bySelf = new Map();
  const byPlace = new Map();
  const inclusive = new Map();
  const add = (map, k, v) => map.set(k, (map.get(k) ?? 0) + v);
  const root = profile.nodes[0];
  const stack = [{ node: root, onStack: new Set() }];
  while (stack.length > 0) {
    const { node, onStack } = stack.pop();
    const frame = unbundled(node.callFrame);
    const key = keyOf(frame);
    const here = new Set(onStack).add(key);
    const ms = self.get(node.id) ?? 0;
    if (ms > 0) {
      add(bySelf, key, ms);
      add(byPlace, placeOf(frame.url), ms);
      for (const k of here) add(inclusive, k, ms);
    }
    for (const child of node.children ?? []) stack.push({ node: nodes.get(child), onStack: here });
  }
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    bySelf: sorted(bySelf),
    byPlace: sorted(byPlace),
    inclusive: sorted(inclusive).filter(([k]) => k !== '(root)'),
  };
}

function print(summary, top) {
  const pct = (ms) => `${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%`;
  const rows = (list) =>
    list
      .slice(0, top)
      .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${k}`)
      .join('\n');
  return [
    `sampled ${(summary.totalMs / 1000).toFixed(2)} s`,
    'by package or file (self time):',
    rows(summary.byPlace),
    'by function (self time):',
    rows(summary.bySelf),
    'by function (inclusive time):',
    rows(summary.inclusive),
  ].join('\n');
}

function main(argv) {
  let top = 25;
  let keep;
  let file;
  const split = argv.indexOf('--');
  const own = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--top') top = Number(own[++i]);
    else if (own[i] === '--keep') keep = path.resolve(own[++i]);
    else if (own[i] === '--summarise') file = own[++i];
    else {
      process.stderr.write(`profile: unknown option ${own[i]}\n`);
      return 2;
    }
  }
  if (!file) {
    if (command.length === 0) {
      process.stderr.write(
        'usage: node bench/profile.mjs [--top N] [--keep DIR] -- COPROD-ARGS...\n       node bench/profile.mjs [--top N] --summarise FILE.cpuprofile\n',
      );
      return 2;
    }
    const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'coprod-profile-'));
    mkdirSync(dir, { recursive: true });
    const r = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, path.join(ROOT, 'bin', 'coprod.js'), ...command],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NO_COLOR: '1' } },
    );
    if (r.status !== 0) process.stderr.write(`profile: coprod exited with ${r.status}\n`);
    const name = readdirSync(dir)
      .filter((n) => n.endsWith('.cpuprofile'))
      .sort()
      .pop();
    if (!name) return 1;
    file = path.join(dir, name);
    process.stdout.write(print(summarise(JSON.parse(readFileSync(file, 'utf8'))), top) + '\n');
    if (keep) process.stdout.write(`profile: ${file}\n`);
    else rmSync(dir, { recursive: true, force: true });
    return 0;
  }
  process.stdout.write(print(summarise(JSON.parse(readFileSync(file, 'utf8'))), top) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
