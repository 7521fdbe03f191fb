import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import type { Io } from '../../src/io/io.js';
import { makeFolders } from '../../src/write/atomic.js';
import { checkOutputFolder } from '../../src/write/outputs.js';
import { runCli, spawnCli } from '../helpers/cli.js';

const io: Io = {
  cwd: '/',
  env: {},
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: process.stdin,
  fs: fsp,
};
const HAS_PROC = existsSync('/proc/self');
const STACK = /\n\s+at .+:\d+:\d+/;

describe('makeFolders', () => {
  it('makes a folder and its missing parents, and returns those it made', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coprod-mkdir-'));
    expect(await makeFolders(io, path.join(dir, 'a', 'b'))).toEqual([path.join(dir, 'a'), path.join(dir, 'a', 'b')]);
    expect(await makeFolders(io, path.join(dir, 'a', 'b'))).toEqual([]);
  });

  it.skipIf(!HAS_PROC)('fails at once under /proc, where fs.mkdir with `recursive` spins for ever', async () => {
    await expect(makeFolders(io, '/proc/coprod-test/reports')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails at once through a link to a folder that does not exist, or under a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coprod-mkdir-'));
    await symlink(path.join(dir, 'gone'), path.join(dir, 'link'));
    await writeFile(path.join(dir, 'file'), '');
    await expect(makeFolders(io, path.join(dir, 'link', 'reports'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeFolders(io, path.join(dir, 'file', 'reports'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('checkOutputFolder', () => {
  it('leaves nothing behind when the folder can be written', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coprod-probe-'));
    await checkOutputFolder(path.join(dir, 'a', 'b'), io);
    expect(await readdir(dir)).toEqual([]);
    await fsp.mkdir(path.join(dir, 'c'));
    await checkOutputFolder(path.join(dir, 'c'), io);
    expect(await readdir(path.join(dir, 'c'))).toEqual([]);
  });

  it.skipIf(!HAS_PROC)('refuses /proc and what is under it with an OutputError saying what to do', async () => {
    for (const dir of ['/proc', '/proc/coprod-test']) {
      const error = await checkOutputFolder(dir, io).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OutputError);
      expect((error as Error).message).toContain('choose another folder with --out');
    }
  });
});

describe.skipIf(!HAS_PROC)('an output folder that cannot be made', () => {
  const cases = [
    ['report', '--quarter', '2023/24-Q1'],
    ['summary', '--half', '2023/24-H1'],
    ['pack', '--half', '2023/24-H1'],
  ];

  it.each(cases)('%s exits 2 at once, before rendering, naming the folder (built binary)', (...args) => {
    for (const out of ['/proc/x', '/sys/x', '/dev/null/x']) {
      const started = Date.now();
      const result = spawnCli([...args, '--out', out], { timeout: 20_000 });
      const took = Date.now() - started;
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`could not create the output folder (${out})`);
      expect(result.stderr).not.toMatch(STACK);
      // Node starts, validates the sample and stops: well under a second on an idle machine, 3 s on a busy one.
      expect(took).toBeLessThan(3_000);
    }
  });

  it('schema --out exits 2 at once too', async () => {
    const result = await runCli(['schema', '--out', '/proc/x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('could not create the folder (/proc/x)');
  });
});
