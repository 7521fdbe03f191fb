import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import type { FileSystem, Io } from '../../src/io/io.js';
import { compareOutputs, confined, MANIFEST_NAME, writeOutputs } from '../../src/write/outputs.js';

function ioWith(fs: FileSystem = fsp): Io {
  return { cwd: '/', env: {}, stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, fs };
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'coprod-out-'));
}

/** Lists the folder without the manifest, sorted. */
async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('writeOutputs', () => {
  it('writes files and a manifest of their hashes, leaving no temporary files', async () => {
    const dir = await tempDir();
    const result = await writeOutputs(
      dir,
      [
        { name: 'a.md', content: 'A' },
        { name: 'b.md', content: 'B' },
      ],
      ioWith(),
    );
    expect(result.written).toEqual(['a.md', 'b.md']);
    expect(await listing(dir)).toEqual([MANIFEST_NAME, 'a.md', 'b.md']);
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_NAME), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['a.md', 'b.md']);
  });

  it('replaces its own earlier output but not a file edited by hand', async () => {
    const dir = await tempDir();
    await writeOutputs(
      dir,
      [
        { name: 'a.md', content: 'old A' },
        { name: 'b.md', content: 'old B' },
      ],
      ioWith(),
    );
    await writeFile(path.join(dir, 'b.md'), 'edited by a clerk');
    const result = await writeOutputs(
      dir,
      [
        { name: 'a.md', content: 'new A' },
        { name: 'b.md', content: 'new B' },
      ],
      ioWith(),
    );
    expect(result.conflicts).toEqual(['b.md']);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('old A');
    expect(await readFile(path.join(dir, 'b.md'), 'utf8')).toBe('edited by a clerk');

    const forced = await writeOutputs(
      dir,
      [
        { name: 'a.md', content: 'new A' },
        { name: 'b.md', content: 'new B' },
      ],
      ioWith(),
      { force: true },
    );
    expect(forced.written.sort()).toEqual(['a.md', 'b.md']);
    expect(await readFile(path.join(dir, 'b.md'), 'utf8')).toBe('new B');
  });

  it('treats an existing file it did not write as not to be overwritten', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.md'), 'somebody else');
    const result = await writeOutputs(dir, [{ name: 'a.md', content: 'A' }], ioWith());
    expect(result.conflicts).toEqual(['a.md']);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('somebody else');
  });

  it('reports states for --check: same, stale, edited, missing', async () => {
    const dir = await tempDir();
    await writeOutputs(
      dir,
      [
        { name: 'same.md', content: 'S' },
        { name: 'stale.md', content: 'old' },
        { name: 'edited.md', content: 'E' },
      ],
      ioWith(),
    );
    await writeFile(path.join(dir, 'edited.md'), 'changed');
    const states = await compareOutputs(
      dir,
      [
        { name: 'same.md', content: 'S' },
        { name: 'stale.md', content: 'new' },
        { name: 'edited.md', content: 'E2' },
        { name: 'missing.md', content: 'M' },
      ],
      ioWith(),
    );
    expect(Object.fromEntries(states)).toEqual({
      'same.md': 'same',
      'stale.md': 'stale',
      'edited.md': 'edited',
      'missing.md': 'missing',
    });
  });

  it('keeps every output inside the output folder', () => {
    for (const bad of ['../x.md', '../../etc/passwd', 'a/b.md', '.hidden', '/abs.md']) {
      expect(() => confined('/tmp/out', bad)).toThrow(OutputError);
    }
    expect(confined('/tmp/out', 'economy-pac-2023-24-q1.md')).toBe('/tmp/out/economy-pac-2023-24-q1.md');
  });

  it('refuses two outputs with the same name rather than overwriting one with the other', async () => {
    const dir = await tempDir();
    await expect(
      writeOutputs(
        dir,
        [
          { name: 'a.md', content: '1' },
          { name: 'a.md', content: '2' },
        ],
        ioWith(),
      ),
    ).rejects.toThrow(OutputError);
  });

  it('leaves the previous outputs intact when the disk fills up midway', async () => {
    const dir = await tempDir();
    await writeOutputs(
      dir,
      [
        { name: 'a.md', content: 'old A' },
        { name: 'b.md', content: 'old B' },
      ],
      ioWith(),
    );
    const before = await listing(dir);
    let opened = 0;
    const full: FileSystem = {
      ...fsp,
      open: async (...args: Parameters<typeof fsp.open>) => {
        // Opens for writing only: the second is the first output's temporary file (the manifest's is the first).
        if (args[1] === 'wx') opened++;
        if (args[1] === 'wx' && opened === 2)
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fsp.open(...args);
      },
    };
    const attempt = writeOutputs(
      dir,
      [
        { name: 'a.md', content: 'new A' },
        { name: 'b.md', content: 'new B' },
      ],
      ioWith(full),
    );
    await expect(attempt).rejects.toThrow(/disk is full/);
    expect(await listing(dir)).toEqual(before);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('old A');
    expect(await readFile(path.join(dir, 'b.md'), 'utf8')).toBe('old B');
  });

  it('says what to do when the output path is a file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    await expect(writeOutputs(file, [{ name: 'a.md', content: 'A' }], ioWith())).rejects.toThrow(
      /choose another folder with --out/,
    );
  });
});
