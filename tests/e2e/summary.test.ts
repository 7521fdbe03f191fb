import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, readText } from '../helpers/markdown.js';
import { spawnCli } from '../helpers/cli.js';

describe('coprod summary (built binary)', () => {
  it('writes the biannual summary to the Policy and Oversight Board, with the coverage matrix', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-summary-'));
    const result = spawnCli(['summary', '--half', '2023/24-H1', '--out', out]);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`wrote ${path.join(out, 'pob-2023-24-h1.md')}`);
    expect((await readdir(out)).filter((f) => f.endsWith('.md'))).toEqual(['pob-2023-24-h1.md']);
    const text = await readFile(path.join(out, 'pob-2023-24-h1.md'), 'utf8');
    expect(text).toMatch(/^# Policy and Oversight Board: co-production biannual summary, April to September 2023$/m);
    expect(text).toContain('**Report to:** Policy and Oversight Board');
    expect(text).toContain('**Date:** 21 November 2023');

    // The coverage matrix: a real table with a header row naming every committee, eight rows, and gaps in words.
    const root = parseMarkdown(text);
    const matrix = root.children.find((n) => n.type === 'table' && readText(n.children[0]!).startsWith('Recommendation') && readText(n).includes('All committees'));
    expect(matrix?.type).toBe('table');
    if (matrix?.type !== 'table') return;
    expect(matrix.children[0]!.children.map((c) => readText(c))).toEqual([
      'Recommendation',
      'Economy, Arts, Sports and Public Realm PAC',
      'Climate Change and Ecology PAC',
      'Health and Adult Social Care PAC',
      'Children and Education PAC',
      'Social Inclusion and Community Safety PAC',
      'All committees',
    ]);
    expect(matrix.children).toHaveLength(9);
    expect(readText(matrix)).toContain('0 (gap)');
    expect(text).toContain("The Children and Education PAC's departments reported no activity on recommendations 2, 3, 6 and 8");
  });

  it('gives byte-identical files on two runs', async () => {
    const a = await mkdtemp(path.join(tmpdir(), 'coprod-sa-'));
    const b = await mkdtemp(path.join(tmpdir(), 'coprod-sb-'));
    expect(spawnCli(['summary', '--half', '2023/24-H1', '--out', a]).code).toBe(0);
    expect(spawnCli(['summary', '--half', '2023/24-H1', '--out', b]).code).toBe(0);
    expect(await readFile(path.join(b, 'pob-2023-24-h1.md'))).toEqual(await readFile(path.join(a, 'pob-2023-24-h1.md')));
    const again = spawnCli(['summary', '--half', '2023/24-H1', '--out', a]);
    expect(again.stderr).toContain('unchanged');
  });

  it('refuses a malformed half and a date that does not exist with exit 2', () => {
    const half = spawnCli(['summary', '--half', '2023-H1']);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--half must be a financial-year half such as 2023/24-H1');
    const date = spawnCli(['summary', '--half', '2023/24-H1', '--date', '2023-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date must be a real date');
  });

  it('lists the summary command in the help', () => {
    expect(spawnCli(['--help']).stdout).toContain('summary');
  });
});
