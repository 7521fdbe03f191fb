import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileSystem, Io } from '../../src/io/io.js';
import { LOCK_NAME, LOCK_STALE_MS, lockFolder } from '../../src/write/lock.js';
import { compareOutputs, MANIFEST_NAME, writeOutputs } from '../../src/write/outputs.js';
import { BIN, runCli } from '../helpers/cli.js';
import { GOLDEN_COUNCIL } from '../helpers/dataset.js';

/**
 * Crash consistency and the folder lock. A run is "killed" in-process by a
 * file system that fails one call of a step (a rename or a flush to disk)
 * and then every call after it, so nothing the run does afterwards reaches
 * the disk, not even its clean-up: the folder is left exactly as a process
 * killed at that moment would leave it. The next run, without --force, must
 * succeed and leave exactly what a clean run leaves, no hidden file included.
 */

const ENV = { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
// Without charts: their images do not change with the meeting date, and these runs are about files that all change.
const REPORT = ['report', '--quarter', '2023/24-Q1', '--data', GOLDEN_COUNCIL, '--format', 'all', '--no-charts'];
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(prefix = 'coprod-crash-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Every entry of a folder by name (folders too, as null), files as bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer | null>> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  return new Map(
    await Promise.all(
      entries.map(async (e) => [e.name, e.isFile() ? await readFile(path.join(dir, e.name)) : null] as const),
    ),
  );
}

type Step = 'rename' | 'sync';

/**
 * The real file system, counting renames and flushes (of files and of
 * folders); with `dieAt`, the given call of that step and everything after
 * it fails, as if the process had been killed there.
 */
function countingFs(dieAt?: { step: Step; nth: number }): {
  fs: FileSystem;
  counts: Record<Step, number>;
  died: () => boolean;
  closeAll: () => Promise<unknown>;
} {
  const counts: Record<Step, number> = { rename: 0, sync: 0 };
  let dead = false;
  // A killed process's files are closed by the system: these are closed when the test is done with them.
  const opened: fsp.FileHandle[] = [];
  const killed = () => Object.assign(new Error('EIO: the process was killed here'), { code: 'EIO' });
  const step = (s: Step) => {
    if (dead) throw killed();
    counts[s]++;
    if (dieAt && dieAt.step === s && dieAt.nth === counts[s]) {
      dead = true;
      throw killed();
    }
  };
  const wrap = <T extends object>(target: T, onCall: (name: string | symbol) => void): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (dead) throw killed();
          onCall(prop);
          const result = (value as (...a: unknown[]) => unknown).apply(t, args);
          if (prop !== 'open') return result;
          return (result as Promise<fsp.FileHandle>).then((h) => {
            opened.push(h);
            return wrap(h, (p) => p === 'sync' && step('sync'));
          });
        };
      },
    });
  const fs = wrap({ ...fsp }, (prop) => prop === 'rename' && step('rename'));
  return {
    fs,
    counts,
    died: () => dead,
    closeAll: () => Promise.all(opened.map((h) => h.close().catch(() => undefined))),
  };
}

describe('a run killed at each rename and each flush to disk', () => {
  let previous: string;
  let reference: Map<string, Buffer | null>;
  let previousFiles: Map<string, Buffer | null>;
  const total: Record<Step, number> = { rename: 0, sync: 0 };

  beforeAll(async () => {
    previous = await tempDir();
    expect((await runCli([...REPORT, '--out', previous, '--date', '2023-06-01'], { env: ENV })).code).toBe(0);
    previousFiles = await snapshot(previous);
    const fresh = await tempDir();
    expect((await runCli([...REPORT, '--out', fresh, '--date', '2023-06-02'], { env: ENV })).code).toBe(0);
    reference = await snapshot(fresh);
    const counted = await tempDir();
    await fsp.cp(previous, counted, { recursive: true });
    const { fs, counts } = countingFs();
    expect((await runCli([...REPORT, '--out', counted, '--date', '2023-06-02'], { env: ENV, io: { fs } })).code).toBe(
      0,
    );
    Object.assign(total, counts);
    expect(await snapshot(counted)).toEqual(reference);
  }, 60_000);

  it('makes at least one rename per file and flushes each file and the folder', () => {
    // The manifest twice (first naming old and new, then the new alone) and the six papers (two committees in Markdown, Word and HTML).
    expect(total.rename).toBe(8);
    expect(total.sync).toBeGreaterThanOrEqual(11);
  });

  for (const step of ['rename', 'sync'] as const) {
    it(`after a kill at every ${step}: each paper whole, then the next run succeeds without --force and leaves no hidden leftovers`, async () => {
      for (let nth = 1; nth <= total[step]; nth++) {
        const out = await tempDir();
        await fsp.cp(previous, out, { recursive: true });
        const dying = countingFs({ step, nth });
        const killed = await runCli([...REPORT, '--out', out, '--date', '2023-06-02'], {
          env: ENV,
          io: { fs: dying.fs },
        });
        await dying.closeAll();
        expect(dying.died(), `${step} ${nth} was reached`).toBe(true);
        const left = await snapshot(out);
        for (const [name, bytes] of left) {
          if (name.startsWith('.')) continue;
          const whole = [previousFiles.get(name), reference.get(name)].some((b) => b && bytes && b.equals(bytes));
          expect(whole, `${step} ${nth}: ${name} is one whole version`).toBe(true);
        }
        expect(killed.code, `${step} ${nth}`).not.toBe(0);

        const next = await runCli([...REPORT, '--out', out, '--date', '2023-06-02'], { env: ENV });
        expect(next.code, `${step} ${nth}: ${next.stderr}`).toBe(0);
        expect(next.stderr).not.toMatch(/changed by hand/);
        expect(await snapshot(out), `${step} ${nth}: the folder holds exactly a clean run's files`).toEqual(reference);
      }
    }, 120_000);
  }

  it("a manifest left naming both versions makes each paper, old or new, coprod's own (stale or the same, never edited)", async () => {
    const out = await tempDir();
    await fsp.cp(previous, out, { recursive: true });
    // Killed after the manifest and the first paper were renamed into place.
    const dying = countingFs({ step: 'rename', nth: 3 });
    await runCli([...REPORT, '--out', out, '--date', '2023-06-02'], { env: ENV, io: { fs: dying.fs } });
    await dying.closeAll();
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_NAME), 'utf8')) as {
      files: object;
      previous: object;
    };
    expect(Object.keys(manifest.previous).sort()).toEqual(Object.keys(manifest.files).sort());
    const papers = [...reference]
      .filter(([name]) => !name.startsWith('.'))
      .map(([name, content]) => ({ name, content: content! }));
    const states = await compareOutputs(out, papers, quietIo());
    expect([...states.values()].sort()).toEqual(['same', 'stale', 'stale', 'stale', 'stale', 'stale']);
  });
});

describe('leftovers of a killed run', () => {
  it("are cleared by the next write; hidden files that are not coprod's stay", async () => {
    const out = await tempDir();
    await writeFile(path.join(out, '.a.md.0123456789ab.tmp'), 'half a paper');
    await writeFile(path.join(out, '.a.md.0123456789ab.bak'), 'a copy');
    await writeFile(path.join(out, '.coprod-manifest.json.fedcba987654.tmp'), '{');
    await writeFile(path.join(out, '.gitkeep'), '');
    await writeOutputs(out, [{ name: 'a.md', content: 'A' }], quietIo());
    expect((await readdir(out)).sort()).toEqual(['.coprod-manifest.json', '.gitkeep', 'a.md']);
  });
});

function quietIo(): Io {
  return {
    cwd: '/',
    env: {},
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: process.stdin,
    fs: fsp,
  };
}

describe('the lock on an output folder', () => {
  it('a lock left by a killed run goes stale and is taken over', async () => {
    const out = await tempDir();
    await fsp.mkdir(path.join(out, LOCK_NAME));
    const old = (Date.now() - LOCK_STALE_MS * 2) / 1000;
    await utimes(path.join(out, LOCK_NAME), old, old);
    const started = performance.now();
    const result = await writeOutputs(out, [{ name: 'a.md', content: 'A' }], quietIo());
    expect(result.written).toEqual(['a.md']);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await readdir(out)).sort()).toEqual(['.coprod-manifest.json', 'a.md']);
  });

  it('a second run waits while the first holds the lock, then writes', async () => {
    const out = await tempDir();
    const held = await lockFolder(out, out);
    const second = writeOutputs(out, [{ name: 'a.md', content: 'A' }], quietIo());
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await readdir(out)).toEqual([LOCK_NAME]);
    await held.release();
    expect((await second).written).toEqual(['a.md']);
  });

  it('a run that cannot get the lock in time exits 2, saying another coprod is writing there, and writes nothing', async () => {
    const out = await tempDir();
    const held = await lockFolder(out, out);
    try {
      const result = await runCli([...REPORT, '--out', out], { env: ENV });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/another coprod is writing to .*, so nothing was written/);
      expect(await readdir(out)).toEqual([LOCK_NAME]);
    } finally {
      await held.release();
    }
  }, 60_000);
});

describe('two packs into one folder at once', () => {
  /** Runs the built binary, resolving with its exit code and standard error. */
  function pack(out: string, date: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [BIN, 'pack', '--half', '2023/24-H1', '--data', GOLDEN_COUNCIL, '--out', out, '--format', 'md', '--date', date],
        {
          env: { PATH: process.env['PATH'] ?? '', ...ENV },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it("never both exit 0 with a folder that mixes their papers; the folder is one run's, and the next run accepts it", async () => {
    const versions: Map<string, Buffer | null>[] = [];
    for (const date of ['2023-10-01', '2023-10-02']) {
      const dir = await tempDir();
      expect(
        (
          await runCli(
            ['pack', '--half', '2023/24-H1', '--data', GOLDEN_COUNCIL, '--out', dir, '--format', 'md', '--date', date],
            { env: ENV },
          )
        ).code,
      ).toBe(0);
      versions.push(await snapshot(dir));
    }
    for (let round = 0; round < 3; round++) {
      const out = await tempDir();
      const [a, b] = await Promise.all([pack(out, '2023-10-01'), pack(out, '2023-10-02')]);
      const folder = await snapshot(out);
      const whose = versions.filter((v) =>
        [...v].every(([name, bytes]) => name.startsWith('.') || (bytes && folder.get(name)?.equals(bytes))),
      );
      if (a.code === 0 && b.code === 0) expect(whose, `round ${round}: the folder is one run's papers`).toHaveLength(1);
      expect(
        [a.code, b.code].every((c) => c === 0 || c === 2),
        `${a.stderr}${b.stderr}`,
      ).toBe(true);
      expect(folder, `round ${round}: no lock or hidden file left`).toEqual(whose[0] ?? folder);
      const next = await runCli(
        [
          'pack',
          '--half',
          '2023/24-H1',
          '--data',
          GOLDEN_COUNCIL,
          '--out',
          out,
          '--format',
          'md',
          '--date',
          '2023-10-02',
        ],
        { env: ENV },
      );
      expect(next.code, next.stderr).toBe(0);
    }
  }, 120_000);
});
