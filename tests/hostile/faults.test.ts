import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io/io.js';
import { MANIFEST_NAME } from '../../src/write/outputs.js';
import { BIN, FIXTURES, runCli } from '../helpers/cli.js';
import { GOLDEN_COUNCIL } from '../helpers/dataset.js';

/**
 * Faults while writing: a read-only output folder, a file where the folder
 * should be, a full disk at each step of writing, and a process killed at
 * any moment. The previous outputs must stay as they were (or every file be
 * the complete new version), no partial file may appear under an output's
 * name, the message must say what to do, and the exit code is 2.
 */

const STACK = /^\s*at .+:\d+:\d+\)?$/m;
const ENV = { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Every file of a folder, by name, as bytes (hidden ones included; folders left out). */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
}

function expectSame(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected) expect(actual.get(name)!.equals(bytes), name).toBe(true);
}

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

type Step = 'mkdir' | 'open' | 'write' | 'sync' | 'rename';

/** Whether `open` was asked to create or write a file (`wx`), rather than to read one. */
const forWriting = (flags: unknown) => typeof flags === 'string' && /[wa]/.test(flags);

/**
 * The real file system, except that the `nth` call of `step` (counting from
 * 1) fails with `code`. Only opens for writing count (reading a file to
 * compare it is not a step of writing). A failing write first writes half
 * its content, as a full disk does.
 */
function failing(step: Step, nth: number, code: string): FileSystem {
  const calls: Record<Step, number> = { mkdir: 0, open: 0, write: 0, sync: 0, rename: 0 };
  const hit = (s: Step) => ++calls[s] === nth && s === step;
  return {
    ...fsp,
    mkdir: (async (...args: Parameters<typeof fsp.mkdir>) => {
      if (hit('mkdir')) throw errno(code);
      return fsp.mkdir(...args);
    }) as typeof fsp.mkdir,
    rename: async (from, to) => {
      if (hit('rename')) throw errno(code);
      return fsp.rename(from, to);
    },
    open: async (...args: Parameters<typeof fsp.open>) => {
      if (forWriting(args[1]) && hit('open')) throw errno(code);
      const handle = await fsp.open(...args);
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if (prop === 'writeFile') {
            return async (data: string | Uint8Array) => {
              if (!hit('write')) return target.writeFile(data);
              await target.writeFile(
                typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2),
              );
              throw errno(code);
            };
          }
          if (prop === 'sync') {
            return async () => {
              if (hit('sync')) throw errno(code);
              return target.sync();
            };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

// Without charts: their images do not change with the meeting date, and these faults are about files that all change.
const REPORT = ['report', '--quarter', '2023/24-Q1', '--data', GOLDEN_COUNCIL, '--format', 'all', '--no-charts'];

describe('faults while writing the reports', () => {
  let previous: Map<string, Buffer>;
  let fresh: string;

  /** An output folder holding a complete earlier render (dated 1 June), which the next render (dated 2 June) replaces. */
  async function withPreviousOutputs(): Promise<string> {
    const out = await tempDir('coprod-faults-');
    await fsp.cp(fresh, out, { recursive: true });
    return out;
  }

  beforeAll(async () => {
    fresh = await tempDir('coprod-faults-before-');
    expect((await runCli([...REPORT, '--out', fresh, '--date', '2023-06-01'], { env: ENV })).code).toBe(0);
    previous = await snapshot(fresh);
    expect(previous.size).toBe(7); // two papers in three formats (Markdown, Word, HTML), and the manifest
  });

  it('renders differently on the second date, so every file would be replaced', async () => {
    const out = await withPreviousOutputs();
    expect((await runCli([...REPORT, '--out', out, '--date', '2023-06-02'], { env: ENV })).code).toBe(0);
    const after = await snapshot(out);
    for (const name of previous.keys()) expect(after.get(name)!.equals(previous.get(name)!), name).toBe(false);
  });

  // Opens, writes and syncs: the manifest's temporary copy and a copy of the manifest it replaces, then each file's.
  const DISK_FULL: [Step, number, string][] = [
    ['open', 1, "the first temporary file (the manifest's) cannot be created"],
    ['open', 4, 'a copy of an earlier output cannot be created'],
    ['write', 1, 'the manifest is half written'],
    ['write', 3, 'a temporary file is half written'],
    ['sync', 5, 'a temporary file cannot be flushed to disk'],
    ['rename', 1, 'the first rename (the manifest) fails'],
    ['rename', 3, 'a rename part of the way through fails, after the manifest and an output were replaced'],
    ['rename', 5, 'the last rename fails, after every other output was replaced'],
  ];

  for (const [step, nth, what] of DISK_FULL) {
    it(`disk full when ${what}: exit 2, says so, and the earlier outputs are exactly as they were`, async () => {
      const out = await withPreviousOutputs();
      const result = await runCli([...REPORT, '--out', out, '--date', '2023-06-02'], {
        env: ENV,
        io: { fs: failing(step, nth, 'ENOSPC') },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /the disk is full: free some space and run the command again\. Nothing was changed\./,
      );
      expect(result.stderr).not.toMatch(STACK);
      expectSame(await snapshot(out), previous);
    });
  }

  it('disk full on the first run: no output at all, and not even the folder left behind', async () => {
    const parent = await tempDir('coprod-faults-');
    const out = path.join(parent, 'reports', 'q1');
    const result = await runCli([...REPORT, '--out', out], { env: ENV, io: { fs: failing('rename', 2, 'ENOSPC') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Nothing was changed\./);
    expect(await readdir(parent)).toEqual([]);
  });

  for (const [code, advice] of [
    ['EACCES', /you do not have permission to write there: choose another folder with --out/],
    ['EROFS', /the folder is on a read-only file system: choose another folder with --out/],
    ['EPERM', /the system refused the write: choose another folder with --out/],
  ] as const) {
    it(`a read-only output folder (${code}): exit 2 with advice, earlier outputs intact`, async () => {
      const out = await withPreviousOutputs();
      const result = await runCli([...REPORT, '--out', out, '--date', '2023-06-02'], {
        env: ENV,
        io: { fs: failing('open', 1, code) },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(advice);
      expect(result.stderr).toContain(out);
      expectSame(await snapshot(out), previous);
    });
  }

  it('an output folder that cannot be created: exit 2 naming it', async () => {
    const out = path.join(await tempDir('coprod-faults-'), 'reports');
    const result = await runCli([...REPORT, '--out', out], { env: ENV, io: { fs: failing('mkdir', 1, 'EACCES') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/could not create the output folder .*reports.*: you do not have permission/);
  });

  it('an output path that is a file: exit 2, says so, and the file is untouched', async () => {
    const dir = await tempDir('coprod-faults-');
    const out = path.join(dir, 'reports');
    await writeFile(out, 'minutes of the last meeting');
    const result = await runCli([...REPORT, '--out', out], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /a file stands where a folder is needed: choose another folder with --out, or move the file/,
    );
    expect(await readFile(out, 'utf8')).toBe('minutes of the last meeting');
    const below = await runCli([...REPORT, '--out', path.join(out, 'q1')], { env: ENV });
    expect(below.code).toBe(2);
    expect(below.stderr).toMatch(/a file stands where a folder is needed/);
  });

  it('a folder where the last output file goes: exit 2, says so, and the files already replaced are put back', async () => {
    const out = await withPreviousOutputs();
    // The papers are written in council order, Markdown, then DOCX, then HTML: this is the last output renamed, after five others.
    const last = 'people-pac-2023-24-q1.html';
    expect([...previous.keys()].filter((n) => n !== MANIFEST_NAME)).toEqual(
      ['people-pac-2023-24-q1', 'places-pac-2023-24-q1'].flatMap((p) => [`${p}.docx`, `${p}.html`, `${p}.md`]),
    );
    await rm(path.join(out, last));
    await mkdir(path.join(out, last));
    const before = await snapshot(out);
    const result = await runCli([...REPORT, '--out', out, '--date', '2023-06-02', '--force'], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /a folder stands where a file is to be written: remove or rename it\. Nothing was changed\./,
    );
    expectSame(await snapshot(out), before);
    expect((await fsp.stat(path.join(out, last))).isDirectory()).toBe(true);
  });
});

describe('a process killed while it writes', () => {
  let reference: Map<string, Buffer>;
  let previous: Map<string, Buffer>;
  let previousDir: string;
  /** How many changes a whole run makes in its output folder: into an empty one, and over earlier outputs. */
  let eventsFresh = 0;
  let eventsOver = 0;

  /**
   * Runs the built binary into `out` (which must exist), watching `out`, and
   * kills it with SIGKILL as soon as the `killAt`-th change in `out` is seen.
   * Writing takes a few milliseconds at the end of a run, too short to hit
   * reliably with a timer started at launch; counting the changes spreads
   * the kills over creating, syncing and renaming the files.
   */
  function runReport(
    out: string,
    date: string,
    killAt?: number,
  ): Promise<{ code: number | null; signal: string | null; stderr: string; events: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...REPORT, '--out', out, '--date', date], {
        env: { PATH: process.env['PATH'] ?? '', ...ENV },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      let events = 0;
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const watcher = watch(out, () => {
        if (++events === killAt) child.kill('SIGKILL');
      });
      const limit = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('close', (code, signal) => {
        clearTimeout(limit);
        // Changes made just before the process ended may still be on their way.
        setTimeout(() => {
          watcher.close();
          resolve({ code, signal, stderr, events });
        }, 50);
      });
    });
  }

  /** Runs report in-process into `out`, counting the changes it makes there (the same steps as the binary's). */
  async function countedRun(out: string, date: string): Promise<number> {
    let events = 0;
    const watcher = watch(out, () => void events++);
    const result = await runCli([...REPORT, '--out', out, '--date', date], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.close();
    return events;
  }

  beforeAll(async () => {
    const ref = await tempDir('coprod-kill-ref-');
    eventsFresh = await countedRun(ref, '2023-06-02');
    reference = await snapshot(ref);
    previousDir = await tempDir('coprod-kill-prev-');
    await countedRun(previousDir, '2023-06-01');
    previous = await snapshot(previousDir);
    const over = await tempDir('coprod-kill-over-');
    await fsp.cp(previousDir, over, { recursive: true });
    eventsOver = await countedRun(over, '2023-06-02');
    expect(eventsFresh).toBeGreaterThan(5);
    expect(eventsOver).toBeGreaterThan(eventsFresh);
  }, 60_000);

  /** Whether every file under an output's name is complete: the earlier render's or the new one's, never a fragment. */
  function checkNoPartialFile(files: Map<string, Buffer>, allowed: Map<string, Buffer>[]): void {
    for (const [name, bytes] of files) {
      if (name.startsWith('.')) continue;
      expect(
        allowed.some((set) => set.get(name)?.equals(bytes)),
        `${name} is complete`,
      ).toBe(true);
    }
  }

  /** Where to kill, as a share of a whole run's changes: from the first temporary file to the last renames. */
  const SHARES = [0.05, 0.5, 0.65, 0.8];
  const at = (share: number, events: number) => Math.max(1, Math.round(share * events));

  it('into an empty folder: any file under an output name is complete, and the next run succeeds with the same files', async () => {
    let killed = 0;
    for (const share of SHARES) {
      const out = await tempDir('coprod-kill-');
      const run = await runReport(out, '2023-06-02', at(share, eventsFresh));
      if (run.signal === 'SIGKILL') killed++;
      checkNoPartialFile(await snapshot(out), [reference]);
      const next = await runCli([...REPORT, '--out', out, '--date', '2023-06-02'], { env: ENV });
      expect(next.code, next.stderr).toBe(0);
      const after = await snapshot(out);
      // Leftovers of the killed run are hidden temporary files; the outputs are exactly the complete render.
      for (const name of after.keys())
        if (!reference.has(name)) expect(name, `leftover ${name}`).toMatch(/^\.[^/]+\.[0-9a-f]{12}\.(tmp|bak)$/);
      for (const [name, bytes] of reference) expect(after.get(name)?.equals(bytes), name).toBe(true);
    }
    expect(killed, 'runs killed before they finished').toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('over earlier outputs: each file is the earlier version or the new one, whole', async () => {
    let killed = 0;
    for (const share of SHARES) {
      const out = await tempDir('coprod-kill-over-');
      await fsp.cp(previousDir, out, { recursive: true });
      const run = await runReport(out, '2023-06-02', at(share, eventsOver));
      if (run.signal === 'SIGKILL') killed++;
      const left = await snapshot(out);
      for (const name of previous.keys()) expect(left.has(name), `${name} is still there`).toBe(true);
      checkNoPartialFile(left, [previous, reference]);
    }
    expect(killed, 'runs killed before they finished').toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe('a reader that stops reading', () => {
  it("`coprod validate | head`: the closed pipe ends the output quietly, and the exit code is still the data's", async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'validate', '--data', path.join(FIXTURES, 'validate-every-problem-in-one-run')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // The reader goes away before coprod writes: its write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('');
  });
});

describe('hostile templates', () => {
  it('a syntax error on line 200 of a partial saved with a BOM and CRLF: exit 2 naming the partial, line and column', async () => {
    const dir = await tempDir('coprod-templates-');
    const lines = Array.from({ length: 199 }, (_, i) => `Line ${i + 1} of our values {{!-- a comment --}}`);
    lines.push('Value: {{#each council.values}}{{inline value}{{/each}}');
    await mkdir(path.join(dir, 'partials'));
    await writeFile(path.join(dir, 'partials', 'values.hbs'), `\ufeff${lines.join('\r\n')}\r\n`);
    const out = path.join(dir, 'out');
    const result = await runCli([...REPORT, '--out', out, '--templates', dir], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/partials\/values\.hbs:200:46: syntax error/);
    expect(result.stderr).not.toMatch(STACK);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a partial that includes itself: exit 2 naming the partial, with no stack trace', async () => {
    const dir = await tempDir('coprod-templates-');
    await mkdir(path.join(dir, 'partials'));
    await writeFile(path.join(dir, 'partials', 'values.hbs'), '## Our values\n\n{{> values}}\n');
    const result = await runCli([...REPORT, '--out', path.join(dir, 'out'), '--templates', dir], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/partials\/values\.hbs/);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stderr).not.toMatch(/internal error/i);
  });
});
