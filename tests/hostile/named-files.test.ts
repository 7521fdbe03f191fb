import { spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLogo } from '../../src/docx/logo.js';
import { DocxError } from '../../src/docx/errors.js';
import { readUserFile } from '../../src/io/read-file.js';
import { copyToTemp, FIXTURES, runCli, spawnWithin } from '../helpers/cli.js';

/**
 * Files that the data or an option names (the logo, templates, the files of
 * the data folder): whatever stands under the name, a named pipe, a device,
 * a folder, a link out of the data folder, coprod refuses it at once, naming
 * the file, and never waits on it or reads it without end.
 */

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'coprod-named-'));
  temporary.push(dir);
  return dir;
}

const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
const hasDevZero = existsSync('/dev/zero');

function mkfifo(file: string): void {
  expect(spawnSync('mkfifo', [file]).status).toBe(0);
}

/** A copy of the clean fixture council whose logo is `logo`. */
async function councilWithLogo(logo: string): Promise<string> {
  const dir = await copyToTemp(path.join(FIXTURES, 'validate-clean'), 'coprod-named-');
  temporary.push(dir);
  const file = path.join(dir, 'council.yaml');
  const text = await fsp.readFile(file, 'utf8');
  await writeFile(
    file,
    text.replace(
      'council:\n  name: Test Borough\n',
      `council:\n  name: Test Borough\n  style:\n    logo:\n      path: ${logo}\n      alt: Test Borough logo\n`,
    ),
  );
  return dir;
}

describe('readUserFile', () => {
  it('reads an ordinary file within the limit', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.txt'), 'hello');
    const read = await readUserFile(fsp, path.join(dir, 'a.txt'), { maxBytes: 5, inside: dir });
    expect(read.ok && Buffer.from(read.bytes).toString()).toBe('hello');
  });

  it('refuses a file over the limit without reading it, and a missing file, a folder, a link loop', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'big'), 'x'.repeat(11));
    await mkdir(path.join(dir, 'folder'));
    await symlink('loop', path.join(dir, 'loop'));
    const code = async (name: string, maxBytes = 10) => {
      const read = await readUserFile(fsp, path.join(dir, name), { maxBytes });
      return read.ok ? 'ok' : read.problem.code;
    };
    expect(await code('big')).toBe('too-large');
    expect(await code('none')).toBe('missing');
    expect(await code('folder')).toBe('folder');
    expect(await code('loop')).toBe('link-loop');
  });

  it('with `inside`, refuses ../, an absolute path and a link leading out, and accepts a link that stays in', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'data');
    await mkdir(dir);
    await writeFile(path.join(root, 'secret'), 'not yours');
    await writeFile(path.join(dir, 'logo.png'), 'in');
    await symlink('../secret', path.join(dir, 'out.png'));
    await symlink('logo.png', path.join(dir, 'in.png'));
    const code = async (file: string) => {
      const read = await readUserFile(fsp, path.resolve(dir, file), { maxBytes: 100, inside: dir });
      return read.ok ? 'ok' : read.problem.code;
    };
    expect(await code('../secret')).toBe('outside');
    expect(await code(path.join(root, 'secret'))).toBe('outside');
    expect(await code('out.png')).toBe('outside');
    expect(await code('in.png')).toBe('ok');
    expect(await code('.')).toBe('outside');
  });

  it.skipIf(!hasMkfifo)('refuses a named pipe at once, without waiting for a writer', async () => {
    const dir = await tempDir();
    mkfifo(path.join(dir, 'pipe'));
    const started = performance.now();
    const read = await readUserFile(fsp, path.join(dir, 'pipe'), { maxBytes: 100 });
    expect(read.ok ? 'ok' : read.problem.code).toBe('not-regular');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.skipIf(!hasMkfifo)(
    'a named pipe swapped in between the check and the open is still refused, without waiting',
    async () => {
      const dir = await tempDir();
      const file = path.join(dir, 'logo.png');
      await writeFile(file, 'a file when checked');
      // The file system answers the check, then replaces the file with a pipe before it is opened.
      const swapping = {
        ...fsp,
        open: (async (...args: Parameters<typeof fsp.open>) => {
          await rm(file);
          mkfifo(file);
          return fsp.open(...args);
        }) as typeof fsp.open,
      };
      const started = performance.now();
      const read = await readUserFile(swapping, file, { maxBytes: 100 });
      expect(read.ok ? 'ok' : read.problem.code).toBe('not-regular');
      expect(performance.now() - started).toBeLessThan(5_000);
    },
  );

  it.skipIf(!hasDevZero)('refuses /dev/zero, which never ends, without reading it', async () => {
    const read = await readUserFile(fsp, '/dev/zero', { maxBytes: 1024 });
    expect(read.ok ? 'ok' : read.problem.code).toBe('not-regular');
  });
});

describe('the logo', () => {
  for (const [what, logo, skip] of [
    ['/dev/zero', '/dev/zero', !hasDevZero],
    ['a path out of the data folder', '../../../../../../../../etc/hostname', false],
  ] as const) {
    it.skipIf(skip)(
      `validate refuses ${what} in under a second, naming the path in council.yaml (built binary)`,
      async () => {
        const dir = await councilWithLogo(logo);
        const result = await spawnWithin(['validate', '--data', '.'], dir);
        expect(result.code).toBe(1);
        expect(result.elapsed).toBeLessThan(5_000);
        expect(result.stdout).toMatch(/council\.yaml:5:13 {2}error {2}logo-unusable {2}The logo `.*`/);
      },
    );
  }

  it.skipIf(!hasMkfifo)(
    'validate refuses a named pipe in under a second, and report writes nothing (built binary)',
    async () => {
      const dir = await councilWithLogo('logo.png');
      mkfifo(path.join(dir, 'logo.png'));
      const validate = await spawnWithin(['validate', '--data', '.'], dir);
      expect(validate.code).toBe(1);
      expect(validate.elapsed).toBeLessThan(5_000);
      expect(validate.stdout).toMatch(/logo-unusable {2}The logo `logo.png` is a named pipe, not an ordinary file/);
      const report = await spawnWithin(
        ['report', '--quarter', '2023/24-Q1', '--data', '.', '--out', 'out', '--format', 'docx'],
        dir,
      );
      expect(report.code).toBe(1);
      expect(report.stderr).toContain('nothing was written');
    },
  );

  it.skipIf(!hasMkfifo)(
    'when the logo turns into a pipe after validation, making the DOCX stops at once with exit 2 (loadLogo)',
    async () => {
      const dir = await tempDir();
      mkfifo(path.join(dir, 'logo.png'));
      const started = performance.now();
      const failure = await loadLogo({ logo: { path: 'logo.png', alt: 'Logo' } }, dir, fsp).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DocxError);
      expect((failure as DocxError).message).toMatch(/the logo logo\.png .* is a named pipe/);
      expect(performance.now() - started).toBeLessThan(5_000);
      await expect(loadLogo({ logo: { path: '/etc/hostname', alt: 'Logo' } }, dir, fsp)).rejects.toThrow(
        /is outside the data folder/,
      );
    },
  );

  it('a PNG inside the data folder is accepted', async () => {
    const dir = await councilWithLogo('logo.png');
    await fsp.copyFile(path.join(FIXTURES, 'docx-logo', 'logo.png'), path.join(dir, 'logo.png'));
    const result = await runCli(['validate', '--data', '.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(result.stdout).diagnostics).toEqual([]);
  });
});

describe('templates', () => {
  const REPORT = ['report', '--quarter', '2023/24-Q1', '--data', path.join(FIXTURES, 'validate-clean'), '--out'];

  it.skipIf(!hasMkfifo)(
    "a named pipe with a template's name stops report with exit 2 at once, naming it, and nothing is written",
    async () => {
      const dir = await tempDir();
      mkfifo(path.join(dir, 'pac-quarterly.md.hbs'));
      const result = await spawnWithin([...REPORT, path.join(dir, 'out'), '--templates', dir], dir);
      expect(result.code).toBe(2);
      expect(result.elapsed).toBeLessThan(5_000);
      expect(result.stderr).toMatch(/pac-quarterly\.md\.hbs: this template is a named pipe, not an ordinary file/);
      await expect(fsp.readdir(path.join(dir, 'out'))).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );

  it("a folder with a template's name gives a clear message, not EISDIR", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'pac-quarterly.md.hbs'));
    await mkdir(path.join(dir, 'partials'));
    await mkdir(path.join(dir, 'partials', 'values.hbs'));
    const result = await runCli([...REPORT, path.join(dir, 'out'), '--templates', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /pac-quarterly\.md\.hbs: this is a folder, but a template file has this name: move or rename the folder/,
    );
    expect(result.stderr).not.toMatch(/EISDIR/);
  });
});

describe('add --from', () => {
  it.skipIf(!hasMkfifo)('a named pipe is refused at once, pointing at --from - for standard input', async () => {
    const dir = await tempDir();
    mkfifo(path.join(dir, 'entry.yaml'));
    const result = await spawnWithin(
      ['add', 'update', '--data', path.join(FIXTURES, 'validate-clean'), '--from', 'entry.yaml'],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.elapsed).toBeLessThan(5_000);
    expect(result.stderr).toMatch(
      /--from entry\.yaml: this file is a named pipe, not an ordinary file.*\(give --from - to read standard input\)/,
    );
  });

  it('standard input larger than a data file may be is refused, not read without end', async () => {
    const { PassThrough } = await import('node:stream');
    const stdin = new PassThrough();
    stdin.end(Buffer.alloc(3 * 1024 * 1024, 0x61));
    const result = await runCli(['add', 'update', '--data', path.join(FIXTURES, 'validate-clean'), '--from', '-'], {
      io: { stdin },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--from -: standard input holds more than 2 MiB/);
  });
});
