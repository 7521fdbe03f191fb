import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyToTemp, FIXTURES, ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { seeded } from './corpus.js';

/**
 * The acceptance checks on a copy of the sample council: a department file
 * (or every file) saved with a byte-order mark and CRLF line endings changes
 * no output at all; replaced by an alias bomb, 20,000-deep nesting or random
 * bytes, it stops every command with exit 1 within seconds, naming the file.
 */

const SAMPLE = path.join(ROOT, 'data');
const STACK = /^\s*at .+:\d+:\d+\)?$/m;
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function copy(src: string): Promise<string> {
  const dir = await copyToTemp(src, 'coprod-hostile-sample-');
  folders.push(dir);
  return dir;
}

/** Rewrites a file with a UTF-8 byte-order mark and CRLF line endings. */
async function toBomCrlf(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text.includes('\r')).toBe(false);
  await writeFile(file, `\ufeff${text.replace(/\n/g, '\r\n')}`);
}

/** Every file of a folder, by name, as bytes. */
async function contents(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
}

/** validate (JSON and pretty), report and summary in every format, run in-process on `dir`. */
async function everything(dir: string) {
  const env = { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
  const json = await runCli(['validate', '--data', '.', '--format', 'json'], { cwd: dir, env });
  const pretty = await runCli(['validate', '--data', '.'], { cwd: dir, env });
  const report = await runCli(['report', '--quarter', '2023/24-Q1', '--data', '.', '--out', 'out', '--format', 'all'], {
    cwd: dir,
    env,
  });
  const summary = await runCli(['summary', '--half', '2023/24-H1', '--data', '.', '--out', 'out', '--format', 'all'], {
    cwd: dir,
    env,
  });
  return { dir, json, pretty, report, summary, files: await contents(path.join(dir, 'out')) };
}

interface Diagnostic {
  file?: string;
  offset?: number;
  endOffset?: number;
  [key: string]: unknown;
}

/** `validate --format json` output, parsed. */
function parseJson(stdout: string): { diagnostics: Diagnostic[]; [key: string]: unknown } {
  return JSON.parse(stdout) as { diagnostics: Diagnostic[] };
}

/** The diagnostics without their offsets, which count each CR of a CRLF file. */
const withoutOffsets = (list: Diagnostic[]) => list.map(({ offset: _o, endOffset: _e, ...rest }) => rest);

/** The text a diagnostic's offsets point at: UTF-16 positions in its file's text, after any byte-order mark. */
async function pointedAt(dir: string, d: Diagnostic): Promise<string> {
  const text = (await readFile(path.join(dir, d.file!), 'utf8')).replace(/^\ufeff/, '');
  return text.slice(d.offset, d.endOffset);
}

describe('a byte-order mark and CRLF line endings change nothing', () => {
  it('in one department file of the sample council, or in every file: same diagnostics, same Markdown and DOCX, byte for byte', async () => {
    const clean = await everything(await copy(SAMPLE));
    expect(clean.report.code).toBe(0);
    expect(clean.summary.code).toBe(0);
    expect([...clean.files.keys()].filter((n) => n.endsWith('.md')).length).toBeGreaterThanOrEqual(6);

    const oneFile = await copy(SAMPLE);
    await toBomCrlf(path.join(oneFile, 'activities', 'economy.yaml'));
    const allFiles = await copy(SAMPLE);
    for (const f of [
      'council.yaml',
      'framework.yaml',
      ...(await readdir(path.join(allFiles, 'activities'))).map((n) => path.join('activities', n)),
    ]) {
      await toBomCrlf(path.join(allFiles, f));
    }
    // The sample data has a deliberate warning (a plan left open at the end of the half), so there is something to compare.
    const cleanJson = parseJson(clean.json.stdout);
    expect(cleanJson.diagnostics.length).toBeGreaterThanOrEqual(1);
    for (const dir of [oneFile, allFiles]) {
      const converted = await everything(dir);
      // Same exit code, messages, files, lines and columns; only the offsets count the CRs.
      expect({ code: converted.json.code, stderr: converted.json.stderr }).toEqual({
        code: clean.json.code,
        stderr: clean.json.stderr,
      });
      const convertedJson = parseJson(converted.json.stdout);
      expect({ ...convertedJson, diagnostics: withoutOffsets(convertedJson.diagnostics) }).toEqual({
        ...cleanJson,
        diagnostics: withoutOffsets(cleanJson.diagnostics),
      });
      for (const [i, d] of convertedJson.diagnostics.entries()) {
        const before = cleanJson.diagnostics[i];
        expect(d.offset === undefined, `offset of diagnostic ${i}`).toBe(before.offset === undefined);
        if (d.offset !== undefined)
          expect(await pointedAt(dir, d), `text at the offsets of diagnostic ${i}`).toBe(
            await pointedAt(clean.dir, before),
          );
      }
      expect(converted.pretty).toEqual(clean.pretty);
      expect({ code: converted.report.code, stderr: converted.report.stderr }).toEqual({
        code: clean.report.code,
        stderr: clean.report.stderr,
      });
      expect({ code: converted.summary.code, stderr: converted.summary.stderr }).toEqual({
        code: clean.summary.code,
        stderr: clean.summary.stderr,
      });
      expect([...converted.files.keys()]).toEqual([...clean.files.keys()]);
      for (const [name, bytes] of clean.files) expect(converted.files.get(name)!.equals(bytes), name).toBe(true);
    }
  }, 60_000);

  it('in a file full of problems: the same diagnostics at the same lines and columns; only the offsets count the CRs', async () => {
    const cleanDir = await copy(path.join(FIXTURES, 'validate-every-problem-in-one-run'));
    const crlfDir = await copy(path.join(FIXTURES, 'validate-every-problem-in-one-run'));
    await toBomCrlf(path.join(crlfDir, 'activities', 'economy.yaml'));
    await toBomCrlf(path.join(crlfDir, 'council.yaml'));
    const run = async (dir: string) => ({
      json: parseJson((await runCli(['validate', '--data', '.', '--format', 'json'], { cwd: dir })).stdout),
      pretty: await runCli(['validate', '--data', '.'], { cwd: dir }),
    });
    const clean = await run(cleanDir);
    const crlf = await run(crlfDir);
    expect(clean.json.diagnostics.length).toBeGreaterThanOrEqual(4);
    // Offsets are UTF-16 positions in the file's text (after any byte-order mark), so in a CRLF file they count each CR.
    expect(withoutOffsets(crlf.json.diagnostics)).toEqual(withoutOffsets(clean.json.diagnostics));
    expect(crlf.pretty).toEqual(clean.pretty);
  });
});

describe('a department file of the sample council replaced by hostile bytes', () => {
  const next = seeded(7);
  const HOSTILE: Record<string, { bytes: Uint8Array | string; code: string }> = {
    'an alias bomb': {
      bytes: `department: economy\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${'bcdefghi'
        .split('')
        .map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)
        .join('\n')}\n`,
      code: 'yaml-alias',
    },
    '20,000-deep flow nesting': {
      bytes: `department: economy\nnotes: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      code: 'yaml-too-deep',
    },
    '20,000-deep block nesting': {
      bytes: `department: economy\nnotes:\n  ${'- '.repeat(20_000)}x\n`,
      code: 'yaml-too-deep',
    },
    'random bytes': {
      bytes: Uint8Array.from({ length: 32_768 }, () => Math.floor(next() * 256)),
      code: 'encoding-invalid-utf8',
    },
  };

  for (const [label, { bytes, code }] of Object.entries(HOSTILE)) {
    it(`${label}: validate, report and summary exit 1 within seconds, naming the file, with no stack trace`, async () => {
      const dir = await copy(SAMPLE);
      await writeFile(path.join(dir, 'activities', 'economy.yaml'), bytes);
      for (const args of [
        ['validate'],
        ['report', '--quarter', '2023/24-Q1', '--out', 'out'],
        ['summary', '--half', '2023/24-H1', '--out', 'out'],
      ]) {
        const started = performance.now();
        const result = await runCli([...args, '--data', '.'], { cwd: dir });
        expect(performance.now() - started, args[0]).toBeLessThan(5000);
        expect(result.code, args[0]).toBe(1);
        expect(result.stdout + result.stderr, args[0]).toMatch(
          new RegExp(`activities/economy\\.yaml(:\\d+:\\d+)?  error  ${code}`),
        );
        expect(result.stdout + result.stderr, args[0]).not.toMatch(STACK);
        expect(result.stdout + result.stderr, args[0]).not.toMatch(/internal error/i);
      }
      await expect(readdir(path.join(dir, 'out'))).rejects.toMatchObject({ code: 'ENOENT' });
    });
  }

  it('the built binary agrees on the 20,000-deep nesting, within a wall-clock limit', async () => {
    const dir = await copy(SAMPLE);
    await writeFile(
      path.join(dir, 'activities', 'economy.yaml'),
      `department: economy\nnotes: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    );
    const started = performance.now();
    const result = spawnCli(['report', '--quarter', '2023/24-Q1', '--data', '.', '--out', 'out'], {
      cwd: dir,
      timeout: 15_000,
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/activities\/economy\.yaml:2:72 {2}error {2}yaml-too-deep/);
    expect(result.stderr).not.toMatch(STACK);
  });
});
