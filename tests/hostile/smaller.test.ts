import { spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io/io.js';
import { MAX_YAML_TOKENS } from '../../src/load/source.js';
import { copyToTemp, FIXTURES, runCli } from '../helpers/cli.js';
import { GOLDEN_COUNCIL } from '../helpers/dataset.js';

/** The smaller faults of issue 19, each with the message it now gets. */

const STACK = /^\s*at .+:\d+:\d+\)?$/m;
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'coprod-smaller-'));
  temporary.push(dir);
  return dir;
}

async function cleanCouncil(): Promise<string> {
  const dir = await copyToTemp(path.join(FIXTURES, 'validate-clean'), 'coprod-smaller-');
  temporary.push(dir);
  return dir;
}

interface JsonDiagnostic {
  code: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

async function diagnosticsOf(dir: string): Promise<JsonDiagnostic[]> {
  return (
    JSON.parse((await runCli(['validate', '--data', '.', '--format', 'json'], { cwd: dir })).stdout) as {
      diagnostics: JsonDiagnostic[];
    }
  ).diagnostics;
}

describe('one message for one mistake', () => {
  it('a huge whole number gets one message (implausibly large), not a second saying it is not whole', async () => {
    const dir = await cleanCouncil();
    const file = path.join(dir, 'activities', 'economy.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('residents: 6', 'residents: 99999999999999999999999'));
    const found = await diagnosticsOf(dir);
    expect(found.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'invalid-value 14:20 `residents` is implausibly large',
    ]);
  });

  it('a negative fraction is told it is negative, once', async () => {
    const dir = await cleanCouncil();
    const file = path.join(dir, 'activities', 'economy.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('residents: 6', 'residents: -2.5'));
    expect((await diagnosticsOf(dir)).map((d) => d.code)).toEqual(['negative-number']);
  });
});

describe('an unclosed one-line list over 161,000 lines', () => {
  for (const [what, line] of [
    ['plain items', '  a,\n'],
    ['items quoting a bracket', '  "[a",\n'],
    ['items with a bracket in a comment', '  a, # [\n'],
  ] as const) {
    it(`(${what}) is not called too deep: it is too large, pointing at the open bracket and saying to close it`, async () => {
      const dir = await cleanCouncil();
      await writeFile(
        path.join(dir, 'activities', 'notes.yaml'),
        `department: economy\nnotes: [\n${line.repeat(161_000)}`,
      );
      const found = (await diagnosticsOf(dir)).filter((d) => d.code !== 'duplicate-id');
      expect(found.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['file-too-large 2:8']);
      expect(found[0].message).toContain(MAX_YAML_TOKENS.toLocaleString('en-GB'));
      expect(found[0].hint).toMatch(/still open .* add its closing `\]` or `\}`/);
    });
  }

  it('a short unclosed list is still reported as not closed', async () => {
    const dir = await cleanCouncil();
    await writeFile(
      path.join(dir, 'activities', 'notes.yaml'),
      `department: economy\nnotes: [\n${'  "[a",\n'.repeat(1000)}`,
    );
    expect((await diagnosticsOf(dir)).filter((d) => d.code === 'yaml-syntax').map((d) => d.message)).toContain(
      'A list or mapping opened with `[` or `{` is not closed',
    );
  });
});

/** The real file system, except that a folder on a read-only file system cannot be made, as Node reports it. */
function readOnlyMount(root: string): FileSystem {
  return {
    ...fsp,
    mkdir: (async (dir: string, options?: { recursive?: boolean }) => {
      if (!String(dir).startsWith(root)) return fsp.mkdir(dir, options);
      // A recursive mkdir reports the read-only file system as a missing folder; a single one says what it is.
      throw Object.assign(
        new Error(
          `${options?.recursive ? 'ENOENT: no such file or directory' : 'EROFS: read-only file system'}, mkdir '${dir}'`,
        ),
        { code: options?.recursive ? 'ENOENT' : 'EROFS' },
      );
    }) as typeof fsp.mkdir,
  };
}

describe('folders that cannot be made', () => {
  const REPORT = ['report', '--quarter', '2023/24-Q1', '--data', GOLDEN_COUNCIL];

  it('on a read-only file system: says so (not "ENOENT … mkdir"), exit 2', async () => {
    const root = await tempDir();
    const result = await runCli([...REPORT, '--out', path.join(root, 'reports', 'q1')], {
      io: { fs: readOnlyMount(root) },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /could not create the output folder .*: the folder is on a read-only file system: choose another folder with --out\. Nothing was changed\./,
    );
    expect(result.stderr).not.toMatch(/ENOENT|mkdir/);
  });

  it.skipIf(process.getuid?.() !== 0)('on a real read-only mount, when one can be made', async () => {
    const root = await tempDir();
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro', 'tmpfs', root]).status !== 0) return;
    try {
      const result = await runCli([...REPORT, '--out', path.join(root, 'reports', 'q1')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/read-only file system/);
      const schema = await runCli(['schema', '--out', path.join(root, 'schema')]);
      expect(schema.code).toBe(2);
      expect(schema.stderr).toMatch(/read-only file system/);
    } finally {
      spawnSync('umount', [root]);
    }
  });

  it('init onto a file: exit 2, a plain message, no ENOTDIR, the file untouched', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'minutes.txt');
    await writeFile(file, 'the minutes');
    const result = await runCli(['init', file, '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/minutes\.txt is a file, but coprod init makes a council in a folder/);
    expect(result.stderr).not.toMatch(/ENOTDIR|internal error/);
    expect(result.stderr).not.toMatch(STACK);
    expect(await readFile(file, 'utf8')).toBe('the minutes');
  });

  it('init on a read-only file system: says so, and leaves nothing', async () => {
    const root = await tempDir();
    const result = await runCli(['init', path.join(root, 'council'), '--yes'], { io: { fs: readOnlyMount(root) } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /could not create the council's folder .*: the folder is on a read-only file system: choose another folder\. Nothing was written\./,
    );
    expect(await readdir(root)).toEqual([]);
  });
});

describe('a full disk leaves no empty folders behind', () => {
  /** The real file system, except that the `nth` file created for writing fails as on a full disk. */
  function fullAfter(nth: number): FileSystem {
    let created = 0;
    return {
      ...fsp,
      open: async (...args: Parameters<typeof fsp.open>) => {
        if (typeof args[1] === 'string' && args[1].includes('w') && ++created === nth)
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fsp.open(...args);
      },
    };
  }

  it('report into new folders: "Nothing was changed", and nothing was', async () => {
    const root = await tempDir();
    const result = await runCli(
      ['report', '--quarter', '2023/24-Q1', '--data', GOLDEN_COUNCIL, '--out', path.join(root, 'a', 'b')],
      { io: { fs: fullAfter(2) } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the disk is full.*Nothing was changed\./);
    expect(await readdir(root)).toEqual([]);
  });

  for (const nth of [1, 3, 6]) {
    it(`init with the disk full at the ${nth}th file: exit 2, and no folder or file left`, async () => {
      const root = await tempDir();
      const result = await runCli(['init', path.join(root, 'council'), '--yes'], { io: { fs: fullAfter(nth) } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/disk is full/);
      expect(await readdir(root)).toEqual([]);
    });
  }
});
