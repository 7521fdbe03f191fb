import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';

/**
 * What people type, right and wrong, on the sample council: each case runs
 * in-process and as the built binary, and both must give the same exit code,
 * the same messages and the same files.
 */
interface Case {
  name: string;
  args: string[];
  code: number;
  /** Standard error, whole, or the lines it must contain in this order. */
  stderr: string | string[];
  files?: string[];
}

const COMMITTEES =
  'the committees in council.yaml are: economy-pac, climate-pac, health-pac, children-pac, inclusion-pac';
const WARNINGS = /^coprod: the data has \d+ warnings? \(gaps the report will show\)/;

const CASES: Case[] = [
  {
    name: 'a mistyped option is named, with the option meant, before the missing one',
    args: ['report', '--quater', '2023/24-Q1'],
    code: 2,
    stderr: "coprod: unknown option '--quater'\n(Did you mean --quarter?)\n(run with --help for usage)\n",
  },
  {
    name: 'the same for pack and --half',
    args: ['pack', '--hlaf', 'latest'],
    code: 2,
    stderr: "coprod: unknown option '--hlaf'\n(Did you mean --half?)\n(run with --help for usage)\n",
  },
  {
    name: 'a missing --quarter says how to write one',
    args: ['report'],
    code: 2,
    stderr: [
      'coprod: --quarter is needed: a financial-year quarter written YYYY/YY-Qn, such as 2023/24-Q1, or latest or previous.',
      "This council's financial year starts in April: Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March, so 2023/24-Q1 is April to June 2023. latest is the latest quarter with updates, and previous the one before it.",
    ],
  },
  {
    name: 'a quarter in lower case',
    args: ['report', '--quarter', '2023/24-q1', '--committee', 'economy-pac'],
    code: 0,
    stderr: ['wrote economy-pac-2023-24-q1.md'],
    files: ['economy-pac-2023-24-q1-levels.png', 'economy-pac-2023-24-q1-trend.png', 'economy-pac-2023-24-q1.md'],
  },
  {
    name: 'the latest quarter',
    args: ['report', '--quarter', 'latest', '--committee', 'economy-pac'],
    code: 0,
    stderr: ['wrote economy-pac-2023-24-q2.md'],
    files: ['economy-pac-2023-24-q2-levels.png', 'economy-pac-2023-24-q2-trend.png', 'economy-pac-2023-24-q2.md'],
  },
  {
    name: 'the previous quarter',
    args: ['report', '--quarter', 'Previous', '--committee', 'economy-pac'],
    code: 0,
    stderr: ['wrote economy-pac-2023-24-q1.md'],
    files: ['economy-pac-2023-24-q1-levels.png', 'economy-pac-2023-24-q1-trend.png', 'economy-pac-2023-24-q1.md'],
  },
  {
    name: 'the latest half',
    args: ['summary', '--half', 'latest'],
    code: 0,
    stderr: ['wrote pob-2023-24-h1.md'],
    files: ['pob-2023-24-h1-coverage.png', 'pob-2023-24-h1-trends.png', 'pob-2023-24-h1.md'],
  },
  {
    name: 'the previous half',
    args: ['summary', '--half', 'previous'],
    code: 0,
    stderr: ['wrote pob-2022-23-h2.md'],
    files: ['pob-2022-23-h2-coverage.png', 'pob-2022-23-h2-trends.png', 'pob-2022-23-h2.md'],
  },
  {
    name: 'a quarter the data does not cover names the quarters it does',
    args: ['report', '--quarter', '2025/26-Q1'],
    code: 1,
    stderr:
      'coprod: the data has no update or assessment for 2025/26-Q1, so nothing was written; the data covers 2022/23-Q3 to 2023/24-Q2.\n',
    files: [],
  },
  {
    name: 'a department for a committee: the committee is suggested, and no count of warnings comes first',
    args: ['report', '--quarter', '2023/24-Q1', '--committee', 'economy'],
    code: 2,
    stderr: `coprod: unknown committee "economy" (did you mean "economy-pac"?); ${COMMITTEES}\n`,
    files: [],
  },
  {
    name: 'a misspelt committee, the same',
    args: ['report', '--quarter', '2023/24-Q1', '--committee', 'econmy-pac'],
    code: 2,
    stderr: `coprod: unknown committee "econmy-pac" (did you mean "economy-pac"?); ${COMMITTEES}\n`,
    files: [],
  },
];

describe('what people type (in-process and the built binary)', () => {
  it.each(CASES)('$name', async ({ args, code, stderr, files }) => {
    for (const how of ['in-process', 'binary'] as const) {
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'coprod-typed-')), 'reports');
      const full = [...args, '--out', out, '--format', 'md'];
      const result = how === 'binary' ? spawnCli(full) : await runCli(full);
      const shown = result.stderr.split(`${out}${path.sep}`).join('');
      expect(result.code, `${how}: ${shown}`).toBe(code);
      if (typeof stderr === 'string') expect(shown, how).toBe(stderr);
      else {
        let at = -1;
        for (const line of stderr) {
          const next = shown.indexOf(line, at + 1);
          expect(next, `${how}: "${line}" after position ${at} in:\n${shown}`).toBeGreaterThan(at);
          at = next;
        }
      }
      expect(shown).not.toMatch(/\n\s+at .+:\d+:\d+/);
      if (files)
        expect((await readdir(out).catch(() => [])).filter((f) => !f.startsWith('.')).sort(), how).toEqual(files);
    }
  });

  it('prints the count of warnings last, after the files written', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-typed-'));
    const result = await runCli([
      'report',
      '--quarter',
      '2023/24-Q1',
      '--committee',
      'economy-pac',
      '--format',
      'md',
      '--out',
      out,
    ]);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^wrote /);
    expect(lines.at(-1)).toMatch(WARNINGS);
  });
});
