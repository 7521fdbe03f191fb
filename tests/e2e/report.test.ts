import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyToTemp, ROOT, spawnCli } from '../helpers/cli.js';

describe('coprod report (built binary)', () => {
  it('renders one Markdown update per committee for the sample council', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-report-'));
    const result = spawnCli(['report', '--quarter', '2023/24-Q1', '--out', out]);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.code).toBe(0);
    const files = (await readdir(out)).filter((f) => f.endsWith('.md')).sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const text = await readFile(path.join(out, file), 'utf8');
      expect(text).toContain('April to June 2023');
      expect(text).toMatch(/^# .+ PAC: co-production quarterly update, April to June 2023$/m);
      expect(text).toContain('**Report to:**');
      expect(text).toContain('**Responsible Director:**');
    }
  });

  it('gives each committee every section and all eight recommendations, and keeps open the plan from 2022/23-Q4 that no update has answered', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-sections-'));
    expect(spawnCli(['report', '--quarter', '2023/24-Q1', '--out', out]).code).toBe(0);
    const files = (await readdir(out)).filter((f) => f.endsWith('.md')).sort();
    expect(files).toEqual([
      'children-pac-2023-24-q1.md',
      'climate-pac-2023-24-q1.md',
      'economy-pac-2023-24-q1.md',
      'health-pac-2023-24-q1.md',
      'inclusion-pac-2023-24-q1.md',
    ]);
    for (const file of files) {
      const text = await readFile(path.join(out, file), 'utf8');
      const headings = [
        '## Summary',
        '## Recommendations',
        '## Wards affected',
        '## Our values',
        '## Contact officers',
        '## Background papers used in preparing this report',
        '## Detailed analysis',
        '### 1. Introduction',
        '### 2. Co-production activity in April to June 2023',
        '### 3. Who took part, and how close residents are to decisions',
        '### 4. What the Committee asked last quarter, and the answer',
        '### 5. What we said we would do, and what happened',
        '### 6. Activity planned for July to September 2023',
        "### 7. Progress against the eight recommendations of the Disabled People's Commission",
        '### 8. Resourcing',
        '### 9. Barriers to progress',
        '### 10. Looking ahead',
        '## List of appendices',
        '## Appendix 1: measures served in April to June 2023',
        '## Appendix 2: the figures as charts',
      ];
      // Every section, once each and in this order; the appendix after a thematic break (a new page in Word).
      expect(
        text.split('\n').filter((line) => /^#{2,3} /.test(line)),
        file,
      ).toEqual(headings);
      expect(text, `${file}: thematic break before the appendix`).toContain(
        '\n---\n\n## Appendix 1: measures served in April to June 2023\n',
      );
      // Each of the eight recommendations is in section 7 exactly once: a paragraph of its own, or named among those with no activity and no rating.
      const section7 = text.slice(text.indexOf('\n### 7. '), text.indexOf('\n### 8. '));
      const spoken = [...section7.matchAll(/^7\.\d+ \*\*Recommendation (\d): /gm)].map((m) => Number(m[1]));
      const quietLine =
        /^7\.\d+ No activity served recommendations? ([^.]*?) in April to June 2023 or January to March 2023, and no department assessed (?:it|them)\.$/m.exec(
          section7,
        );
      const quiet = [...(quietLine?.[1] ?? '').matchAll(/\d+/g)].map((m) => Number(m[0]));
      expect(
        [...spoken, ...quiet].sort((a, b) => a - b),
        `${file}: recommendations in section 7`,
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(spoken.length, `${file}: recommendations with a paragraph`).toBeGreaterThan(0);
    }
    // The plan made in 2022/23-Q4 for 2023/24-Q1 that no update answered stays open: a row of section 5, a recommendation and a line of "Looking ahead".
    const economy = await readFile(path.join(out, 'economy-pac-2023-24-q1.md'), 'utf8');
    expect(economy).toMatch(
      /^\| Inclusive employment support quality framework \| Hold two workshops with the young people .* \| \*\*No update received\.\*\* No update was received for April to June 2023\. \|$/m,
    );
    expect(economy).toMatch(
      /^\d\. That the Committee asks for an update at its next meeting on the plan .*: Inclusive employment support quality framework\.$/m,
    );
    expect(economy).toMatch(
      /^10\.\d One earlier plan is still open: no update has yet said how it went \(section 5\)\.$/m,
    );
  });

  it('gives the same bytes on a second run', async () => {
    const a = await mkdtemp(path.join(tmpdir(), 'coprod-a-'));
    const b = await mkdtemp(path.join(tmpdir(), 'coprod-b-'));
    expect(spawnCli(['report', '--quarter', '2023/24-Q1', '--out', a]).code).toBe(0);
    expect(spawnCli(['report', '--quarter', '2023/24-Q1', '--out', b]).code).toBe(0);
    for (const file of (await readdir(a)).filter((f) => f.endsWith('.md'))) {
      expect(await readFile(path.join(b, file))).toEqual(await readFile(path.join(a, file)));
    }
  });

  it('names the file and line of a YAML syntax error, exits 1 and prints no stack trace', async () => {
    const data = await copyToTemp(path.join(ROOT, 'data'));
    const file = path.join(data, 'activities', 'economy.yaml');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.includes('title:'));
    lines[at] = lines[at].replace('title:', 'title: [unclosed');
    await writeFile(file, lines.join('\n'));
    const result = spawnCli(['report', '--quarter', '2023/24-Q1', '--data', data, '--out', path.join(data, 'out')]);
    expect(result.code).toBe(1);
    // The parser reports an unclosed bracket where it notices it: the line edited or the next.
    const line = Number(/activities\/economy\.yaml:(\d+):\d+ +error +yaml-syntax/.exec(result.stderr)?.[1]);
    expect([at + 1, at + 2]).toContain(line);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await expect(readdir(path.join(data, 'out'))).rejects.toThrow();
  });

  it('refuses a malformed quarter with exit 2, showing the form, an example and the months of each quarter', () => {
    const result = spawnCli(['report', '--quarter', '2023-Q1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--quarter must be a financial-year quarter written YYYY/YY-Qn, such as 2023/24-Q1, or latest or previous (got "2023-Q1")',
    );
    expect(result.stderr).toContain(
      "This council's financial year starts in April: Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March",
    );
  });

  it('prints the version and a help that lists commands and exit codes', () => {
    const version = spawnCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    for (const word of ['validate', 'report', 'schema', 'Exit codes:']) expect(help.stdout).toContain(word);
  });
});
