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

    // Every section, once each and in this order; the appendix after a thematic break (a new page in Word).
    expect(text.split('\n').filter((line) => /^#{2,3} /.test(line))).toEqual([
      '## Summary',
      '## Recommendations',
      '## Wards affected',
      '## Our values',
      '## Contact officers',
      '## Background papers used in preparing this report',
      '## Detailed analysis',
      '### 1. Introduction',
      '### 2. The half-year in figures',
      '### 3. Who took part, and how close residents are to decisions',
      "### 4. Coverage: the eight recommendations of the Disabled People's Commission by Policy and Accountability Committee",
      '### 5. Where each recommendation stands',
      '### 6. Returns from departments',
      '### 7. What the Board asked last time, and the answer',
      '### 8. Plans still open',
      '### 9. Highlights by Policy and Accountability Committee',
      '### 10. Resourcing',
      '### 11. Barriers to progress',
      '### 12. Looking ahead',
      '## List of appendices',
      '## Appendix 1: measures served in April to September 2023',
      "## Appendix 2: each Policy and Accountability Committee's figures per quarter, as charts",
    ]);
    expect(text).toContain('\n---\n\n## Appendix 1: measures served in April to September 2023\n');

    // The coverage matrix: a real table with a row per committee and a column per recommendation by number, then "All".
    const committees = [
      'Economy, Arts, Sports and Public Realm PAC',
      'Climate Change and Ecology PAC',
      'Health and Adult Social Care PAC',
      'Children and Education PAC',
      'Social Inclusion and Community Safety PAC',
    ];
    const root = parseMarkdown(text);
    const tables = root.children.filter((n) => n.type === 'table');
    const cellsOf = (table: (typeof tables)[number]) =>
      table.children.map((row) => row.children.map((c) => readText(c)));
    const matrix = tables.map(cellsOf).find((rows) => rows[0].at(-1) === 'All' && rows[0][1] === '1');
    expect(matrix).toBeDefined();
    if (!matrix) return;
    const numbers = ['1', '2', '3', '4', '5', '6', '7', '8'];
    expect(matrix[0]).toEqual(['Policy and Accountability Committee', ...numbers, 'All']);
    expect(matrix.slice(1).map((row) => row[0])).toEqual([...committees, 'All Policy and Accountability Committees']);
    for (const row of matrix.slice(1)) {
      expect(row, row[0]).toHaveLength(10);
      for (const cell of row.slice(1)) expect(cell, row[0]).toMatch(/^\d+$/);
    }
    const counts = matrix.slice(1).map((row) => row.slice(1).map(Number));
    const all = counts.pop()!;
    // Each activity belongs to one committee, so the "All" row adds up the committees' rows, column by column.
    all.forEach((n, column) =>
      expect(n, `column ${matrix[0][column + 1]}`).toBe(counts.reduce((sum, row) => sum + row[column], 0)),
    );
    // An activity serving several recommendations counts once in the last column: at least its largest cell, at most the cells' sum.
    for (const row of [...counts, all]) {
      const total = row.at(-1)!;
      const cells = row.slice(0, -1);
      expect(total).toBeGreaterThanOrEqual(Math.max(...cells));
      expect(total).toBeLessThanOrEqual(cells.reduce((a, b) => a + b, 0));
    }
    expect(all.at(-1)).toBe(35);
    expect(text).toContain('0 marks a gap');

    // The gaps in words, a table with a row for each committee with a 0 in the matrix, listing exactly its zero columns.
    const gaps = tables
      .map(cellsOf)
      .find((rows) => rows[0].join('|') === 'Policy and Accountability Committee|Recommendations with no activity');
    expect(gaps).toBeDefined();
    const zeros = counts
      .map((row, i) => [committees[i], numbers.filter((_, c) => row[c] === 0).join(', ')] as const)
      .filter(([, list]) => list !== '');
    expect(gaps!.slice(1)).toEqual(zeros.map(([committee, list]) => [committee, list]));
    expect(gaps!.slice(1)).toContainEqual(['Children and Education PAC', '2, 3, 6, 8']);
  });

  it('gives byte-identical files on two runs', async () => {
    const a = await mkdtemp(path.join(tmpdir(), 'coprod-sa-'));
    const b = await mkdtemp(path.join(tmpdir(), 'coprod-sb-'));
    expect(spawnCli(['summary', '--half', '2023/24-H1', '--out', a]).code).toBe(0);
    expect(spawnCli(['summary', '--half', '2023/24-H1', '--out', b]).code).toBe(0);
    expect(await readFile(path.join(b, 'pob-2023-24-h1.md'))).toEqual(
      await readFile(path.join(a, 'pob-2023-24-h1.md')),
    );
    const again = spawnCli(['summary', '--half', '2023/24-H1', '--out', a]);
    expect(again.stderr).toContain('unchanged');
  });

  it('refuses a malformed half and a date that does not exist with exit 2', () => {
    const half = spawnCli(['summary', '--half', '2023-H1']);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain(
      '--half must be a financial-year half written YYYY/YY-Hn, such as 2023/24-H1, or latest or previous (got "2023-H1")',
    );
    expect(half.stderr).toContain(
      "This council's financial year starts in April: H1 is April to September and H2 October to March",
    );
    const date = spawnCli(['summary', '--half', '2023/24-H1', '--date', '2023-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date must be a real date');
  });

  it('lists the summary command in the help', () => {
    expect(spawnCli(['--help']).stdout).toContain('summary');
  });
});
