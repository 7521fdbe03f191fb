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

  it('gives each committee every section and all eight recommendations, and lists the plan from 2022/23-Q4 that was not followed up', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-sections-'));
    expect(spawnCli(['report', '--quarter', '2023/24-Q1', '--out', out]).code).toBe(0);
    const files = (await readdir(out)).filter((f) => f.endsWith('.md')).sort();
    expect(files).toEqual(['children-pac-2023-24-q1.md', 'climate-pac-2023-24-q1.md', 'economy-pac-2023-24-q1.md', 'health-pac-2023-24-q1.md', 'inclusion-pac-2023-24-q1.md']);
    for (const file of files) {
      const text = await readFile(path.join(out, file), 'utf8');
      for (const heading of [
        '## Summary',
        '## Recommendations',
        '## Wards affected',
        '## Our values',
        '## Contact officers',
        '## Background papers used in preparing this report',
        '## Detailed analysis',
        '### 2. Co-production activity in April to June 2023',
        '### 3. Who took part, and how close residents are to decisions',
        '### 4. What we said last quarter, and what happened',
        '### 5. Activity planned for July to September 2023',
        '### 6. Progress against the eight recommendations',
        '### 7. Resourcing',
        '### 8. Barriers to progress',
        '### 9. Looking ahead',
        '## List of appendices',
        '## Appendix 1: recommendations, measures and the activities that serve them',
      ]) {
        expect(text, `${file}: ${heading}`).toContain(`\n${heading}\n`);
      }
      for (let n = 1; n <= 8; n++) expect(text, `${file}: recommendation ${n}`).toMatch(new RegExp(`^#### Recommendation ${n}: `, 'm'));
    }
    const economy = await readFile(path.join(out, 'economy-pac-2023-24-q1.md'), 'utf8');
    expect(economy).toMatch(/\| Inclusive employment support quality framework \| Hold two workshops .* \| Not followed up \| No update was received for April to June 2023\. \|/);
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
    lines[at] = lines[at]!.replace('title:', 'title: [unclosed');
    await writeFile(file, lines.join('\n'));
    const result = spawnCli(['report', '--quarter', '2023/24-Q1', '--data', data, '--out', path.join(data, 'out')]);
    expect(result.code).toBe(1);
    // The parser reports an unclosed bracket where it notices it: the line edited or the next.
    const line = Number(/activities\/economy\.yaml:(\d+):\d+ +error +yaml-syntax/.exec(result.stderr)?.[1]);
    expect([at + 1, at + 2]).toContain(line);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await expect(readdir(path.join(data, 'out'))).rejects.toThrow();
  });

  it('refuses a malformed quarter with exit 2', () => {
    const result = spawnCli(['report', '--quarter', '2023-Q1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--quarter must be a financial-year quarter such as 2023/24-Q1');
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
