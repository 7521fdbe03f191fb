import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/diagnostic.js';
import { FIXTURES, runCli, spawnCli } from '../helpers/cli.js';

/**
 * One fixture folder per rule: `tests/fixtures/validate-<rule>/` holds a
 * small council (council.yaml, framework.yaml, activities/*.yaml) and
 * `expected.json`: the exit code and exactly the diagnostics `coprod
 * validate` must report, as {code, severity, file, line, column}. Positions
 * in expected.json were worked out from the fixture text, not copied from
 * coprod's output.
 */
interface Expected {
  args?: string[];
  exit: number;
  diagnostics: Located[];
}

interface Located {
  code: string;
  severity: string;
  file: string;
  line?: number;
  column?: number;
}

interface JsonOutput {
  version: number;
  summary: { errors: number; warnings: number };
  diagnostics: (Located & { message: string; hint?: string })[];
}

const folders = readdirSync(FIXTURES)
  .filter((name) => name.startsWith('validate-'))
  .sort();
const cases = folders.map((name) => {
  const dir = path.join(FIXTURES, name);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
  return { name, dir, expected, args: ['validate', '--data', '.', '--format', 'json', ...(expected.args ?? [])] };
});

const located = (d: Located): Located => ({
  code: d.code,
  severity: d.severity,
  file: d.file,
  ...(d.line !== undefined ? { line: d.line, column: d.column } : {}),
});
const byPosition = (a: Located, b: Located) =>
  a.file.localeCompare(b.file) ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.column ?? 0) - (b.column ?? 0) ||
  a.code.localeCompare(b.code);

describe('coprod validate: one fixture folder per rule (in-process)', () => {
  it.each(cases)('$name', async ({ dir, expected, args }) => {
    const result = await runCli(args, { cwd: dir });
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as JsonOutput;
    expect(output.diagnostics.map(located).sort(byPosition)).toEqual(
      expected.diagnostics.map(located).sort(byPosition),
    );
    expect(result.code).toBe(expected.exit);
  });
});

describe('coprod validate: the same fixtures through the built binary', () => {
  it.each(cases)('$name', async ({ dir, expected, args }) => {
    const inProcess = await runCli(args, { cwd: dir });
    const spawned = spawnCli(args, { cwd: dir });
    expect(spawned.code).toBe(expected.exit);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe('diagnostic codes and messages', () => {
  const all = cases.map(({ dir, args }) =>
    runCli(args, { cwd: dir }).then((r) => (JSON.parse(r.stdout) as JsonOutput).diagnostics),
  );

  it('every code in the closed union is exercised by a fixture (file-level I/O codes by their own tests)', async () => {
    const seen = new Set((await Promise.all(all)).flat().map((d) => d.code));
    const elsewhere = new Set(['file-unreadable', 'file-too-large']);
    expect(DIAGNOSTIC_CODES.filter((code) => !seen.has(code) && !elsewhere.has(code))).toEqual([]);
  });

  it('every message is one plain sentence that reads after "file:line:col  severity  code"', async () => {
    for (const d of (await Promise.all(all)).flat()) {
      expect(d.message, d.code).toMatch(/^[A-Z`]/);
      expect(d.message, d.code).not.toMatch(/\.$/);
      expect(d.message, d.code).not.toMatch(/undefined|\[object|NaN|Invalid input|expected .* received/);
      if (d.hint) expect(d.hint, d.code).not.toMatch(/undefined|\[object/);
    }
  });
});
