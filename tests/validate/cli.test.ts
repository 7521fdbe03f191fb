import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io/io.js';
import { copyToTemp, FIXTURES, ROOT, runCli, spawnCli } from '../helpers/cli.js';

const fixture = (name: string) => path.join(FIXTURES, `validate-${name}`);
const STACK = /\n\s+at .+:\d+:\d+/;

/** A file system that fails one call for files whose path ends with `suffix`. */
function failing(
  call: 'open' | 'stat',
  suffix: string,
  error: Partial<NodeJS.ErrnoException> | { size: number },
): FileSystem {
  const fs = { ...fsp } as Record<string, unknown>;
  fs[call] = async (p: string, ...rest: unknown[]) => {
    if (String(p).endsWith(suffix)) {
      if ('size' in error)
        return { ...(await fsp.stat(p)), isFile: () => true, isDirectory: () => false, size: error.size };
      throw Object.assign(new Error(`${error.code}: failed`), error);
    }
    return (fsp[call] as (...a: unknown[]) => unknown)(p, ...rest);
  };
  return fs as unknown as FileSystem;
}

describe('coprod validate: the sample council', () => {
  it('validates clean of errors and exits 0', async () => {
    const result = await runCli(['validate', '--data', 'data', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.errors).toBe(0);
  });

  it('points at the exact line and column of 2023-02-30 in a copy of data/, from the built binary', async () => {
    const data = await copyToTemp(path.join(ROOT, 'data'));
    const file = path.join(data, 'activities', 'economy.yaml');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => /^\s+start: \d{4}-\d{2}-\d{2}$/.test(l));
    lines[at] = lines[at].replace(/\d{4}-\d{2}-\d{2}/, '2023-02-30');
    await writeFile(file, lines.join('\n'));
    const column = lines[at].indexOf('2023-02-30') + 1;

    const pretty = spawnCli(['validate', '--data', data]);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain(`activities/economy.yaml:${at + 1}:${column}  error  invalid-date  `);
    expect(pretty.stdout + pretty.stderr).not.toMatch(STACK);

    const json = spawnCli(['validate', '--data', data, '--format', 'json']);
    expect(json.code).toBe(1);
    const output = JSON.parse(json.stdout);
    // Only the errors: the sample data may carry warnings (gaps, the old shape) that this test is not about.
    const errors = output.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'invalid-date', severity: 'error', line: at + 1, column }),
    ]);
  });
});

describe('coprod validate: output', () => {
  it('writes the documented JSON shape', async () => {
    const result = await runCli(['validate', '--data', '.', '--format', 'json'], {
      cwd: fixture('every-problem-in-one-run'),
    });
    const output = JSON.parse(result.stdout);
    expect(output.version).toBe(1);
    expect(output.summary).toEqual({ errors: 4, warnings: 0 });
    for (const d of output.diagnostics) {
      expect(Object.keys(d).sort()).toEqual(
        [
          'code',
          'column',
          'endColumn',
          'endLine',
          'endOffset',
          'file',
          'line',
          'message',
          'offset',
          'severity',
          ...(d.hint ? ['hint'] : []),
        ].sort(),
      );
      expect(typeof d.message).toBe('string');
      expect(d.line).toBeGreaterThan(0);
      expect(d.endOffset).toBeGreaterThanOrEqual(d.offset);
    }
    const whole = await runCli(['validate', '--data', '.', '--format', 'json'], { cwd: fixture('file-empty') });
    expect(Object.keys(JSON.parse(whole.stdout).diagnostics[0]).sort()).toEqual([
      'code',
      'file',
      'hint',
      'message',
      'severity',
    ]);
  });

  it('prints file:line:column, severity, code, message, an excerpt with carets, a hint and a count (golden)', async () => {
    const dir = fixture('every-problem-in-one-run');
    const result = await runCli(['validate', '--data', '.'], { cwd: dir });
    expect(result.stdout).toBe(await readFile(path.join(dir, 'expected-pretty.txt'), 'utf8'));
  });

  it('prints a count even when there is nothing to report, and says what it checked', async () => {
    const result = await runCli(['validate', '--data', '.'], { cwd: fixture('clean') });
    expect(result).toEqual({
      code: 0,
      stdout: [
        '0 errors, 0 warnings',
        'Checked this folder (council.yaml, framework.yaml and 1 department file): 1 department, 1 activity and 1 quarterly update.',
        'Coverage (returns, framework items served, plans followed up) was checked for 2023/24-Q1 (April to June 2023), the latest quarter with updates.',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('colours only on a terminal, honouring NO_COLOR and FORCE_COLOR', async () => {
    const cwd = fixture('invalid-date');
    const args = ['validate', '--data', '.'];
    const ESC = '\u001b[';
    const onTerminal = async (env: Record<string, string>) => {
      let out = '';
      await runCli(args, { cwd, env, io: { stdout: { write: (s: string) => (out += s), isTTY: true } } });
      return out;
    };
    expect((await runCli(args, { cwd, env: {} })).stdout).not.toContain(ESC);
    expect(await onTerminal({})).toContain(ESC);
    expect(await onTerminal({ NO_COLOR: '1' })).not.toContain(ESC);
    expect(await onTerminal({ FORCE_COLOR: '0' })).not.toContain(ESC);
    expect((await runCli(args, { cwd, env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await runCli(args, { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
});

describe('coprod validate: exit codes', () => {
  it('exits 0 with warnings, 1 with --strict', async () => {
    const cwd = fixture('co-production-has-decision-role');
    expect((await runCli(['validate', '--data', '.'], { cwd })).code).toBe(0);
    expect((await runCli(['validate', '--data', '.', '--strict'], { cwd })).code).toBe(1);
  });

  it('exits 2 for a missing data folder or a file in its place, with a message and no stack trace', async () => {
    const missing = await runCli(['validate', '--data', 'no-such-folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`data folder not found: ${path.join(ROOT, 'no-such-folder')}. Pass --data DIR`);
    const file = await runCli(['validate', '--data', 'package.json']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/is a file, not a folder/);
    expect(missing.stderr + file.stderr).not.toMatch(STACK);
  });

  it('exits 2 when a data file cannot be opened, after listing every other problem', async () => {
    const fs = failing('open', `${path.sep}economy.yaml`, { code: 'EACCES' });
    const result = await runCli(['validate', '--data', '.', '--format', 'json'], {
      cwd: fixture('invalid-date'),
      io: { fs },
    });
    expect(result.code).toBe(2);
    const codes = JSON.parse(result.stdout).diagnostics.map(
      (d: { code: string; file: string }) => `${d.file} ${d.code}`,
    );
    expect(codes).toEqual(['activities/economy.yaml file-unreadable', 'council.yaml invalid-date']);
  });

  it('refuses a data file larger than the size limit without reading it (exit 1: the data is at fault)', async () => {
    const fs = failing('stat', `${path.sep}economy.yaml`, { size: 17 * 1024 * 1024 });
    const result = await runCli(['validate', '--data', '.', '--format', 'json'], { cwd: fixture('clean'), io: { fs } });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics).toEqual([
      expect.objectContaining({ code: 'file-too-large', file: 'activities/economy.yaml' }),
    ]);
  });

  it('exits 2 for a malformed --quarter or an unknown --committee (with a suggestion)', async () => {
    const cwd = fixture('clean');
    const quarter = await runCli(['validate', '--data', '.', '--quarter', '2023-Q1'], { cwd });
    expect(quarter.code).toBe(2);
    expect(quarter.stderr).toContain('--quarter must be a financial-year quarter');
    const committee = await runCli(['validate', '--data', '.', '--committee', 'main-pak'], { cwd });
    expect(committee.code).toBe(2);
    expect(committee.stderr).toContain('did you mean "main-pac"?');
    const format = await runCli(['validate', '--data', '.', '--format', 'xml'], { cwd });
    expect(format.code).toBe(2);
  });
});

describe('every command validates first', () => {
  it('report on data with an error exits 1, prints the diagnostic and writes nothing', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'coprod-refused-')), 'reports');
    const result = await runCli(['report', '--quarter', '2023/24-Q1', '--data', '.', '--out', out], {
      cwd: fixture('invalid-date'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/activities\/economy\.yaml:10:12 {2}error {2}invalid-date/);
    expect(result.stderr).toContain('nothing was written');
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('report exits 2 when a data file cannot be opened, and writes nothing', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'coprod-refused-')), 'reports');
    const fs = failing('open', `${path.sep}council.yaml`, { code: 'EACCES' });
    const result = await runCli(['report', '--quarter', '2023/24-Q1', '--data', '.', '--out', out], {
      cwd: fixture('clean'),
      io: { fs },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /council\.yaml {2}error {2}file-unreadable {2}This file cannot be opened: permission denied/,
    );
    expect(result.stderr).not.toMatch(STACK);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('coprod validate says what it checked', () => {
  it("names the files, departments, activities and updates, the quarter whose coverage it checked, and the other quarters' warnings", async () => {
    const result = await runCli(['validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /\nChecked data \(council\.yaml, framework\.yaml and 6 department files\): 6 departments, \d+ activities and \d+ quarterly updates\.\n/,
    );
    expect(result.stdout).toContain(
      'Coverage (returns, framework items served, plans followed up) was checked for 2023/24-Q2 (July to September 2023), the latest quarter with updates.',
    );
    expect(result.stdout).toMatch(
      /\nCoverage of other quarters: 2023\/24-Q1 has 6 warnings, 2022\/23-Q4 \d+, 2022\/23-Q3 \d+\.\n/,
    );
    expect(result.stdout).toContain('To check another quarter: `coprod validate --quarter 2023/24-Q1`');
  });

  it('counts for each other quarter the coverage warnings `--quarter` would list', async () => {
    const result = await runCli(['validate']);
    const listed = /Coverage of other quarters: (.+)\./
      .exec(result.stdout)![1]
      .split(', ')
      .map((part) => /^(\S+) (?:has )?(\d+)/.exec(part)!);
    expect(listed.length).toBeGreaterThan(1);
    for (const [, quarter, count] of listed) {
      const json = JSON.parse((await runCli(['validate', '--quarter', quarter, '--format', 'json'])).stdout) as {
        diagnostics: { code: string }[];
      };
      expect(json.diagnostics.filter((d) => d.code.startsWith('coverage-')).length, quarter).toBe(Number(count));
    }
  });

  it('takes --quarter in any case, or latest or previous, and keeps --data and --committee in its suggestion', async () => {
    const lower = await runCli(['validate', '--quarter', '2023/24-q1']);
    expect(lower.stdout).toContain('was checked for 2023/24-Q1 (April to June 2023).');
    expect(lower.stdout).toContain('0 errors, 6 warnings');
    expect((await runCli(['validate', '--quarter', 'previous'])).stdout).toContain(
      'was checked for 2023/24-Q1 (April to June 2023).',
    );
    expect((await runCli(['validate', '--quarter', 'LATEST'])).stdout).toContain(
      'was checked for 2023/24-Q2 (July to September 2023), the latest quarter with updates.',
    );
    const scoped = await runCli(['validate', '--data', path.join(ROOT, 'data'), '--committee', 'health-pac']);
    expect(scoped.stdout).toContain('the latest quarter with updates, for the departments of health-pac.');
    expect(scoped.stdout).toContain(
      `\`coprod validate --data ${path.join(ROOT, 'data')} --committee health-pac --quarter 2023/24-Q1\``,
    );
  });

  it('suggests a committee by its department or its name, and prints nothing else', async () => {
    for (const [given, meant] of [
      ['economy', 'economy-pac'],
      ['Health', 'health-pac'],
      ['children', 'children-pac'],
      ['econmy', 'economy-pac'],
      ['climate-pak', 'climate-pac'],
    ] as const) {
      const result = await runCli(['validate', '--committee', given]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown committee "${given}" (did you mean "${meant}"?)`);
      expect(result.stdout).toBe('');
    }
    // "social" is in two committees' names: no guess, the list.
    const vague = await runCli(['validate', '--committee', 'social']);
    expect(vague.stderr).toContain(
      'unknown committee "social"; the committees in council.yaml are: economy-pac, climate-pac, health-pac, children-pac, inclusion-pac',
    );
  });
});

describe('the data folder', () => {
  it('when missing, is named by its absolute path; inside a data folder, --data . is suggested', async () => {
    const inside = await runCli(['validate'], { cwd: path.join(ROOT, 'data') });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toBe(
      `coprod: data folder not found: ${path.join(ROOT, 'data', 'data')}. This folder holds a council.yaml: to use it, pass --data .\n`,
    );
    const elsewhere = await runCli(['validate'], { cwd: tmpdir() });
    expect(elsewhere.stderr).toContain(
      `data folder not found: ${path.join(tmpdir(), 'data')}. Pass --data DIR with the folder that holds council.yaml, or create a council with \`coprod init\`.`,
    );
  });
});
