import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA, DEFAULT_FORMAT, DEFAULT_OUT } from '../../src/cli/defaults.js';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';

/** A folder holding a copy of a fixture council as `data/`, as a newcomer's would. */
async function councilIn(fixture: string): Promise<string> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'coprod-defaults-'));
  await cp(path.join(FIXTURES, fixture), path.join(cwd, 'data'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}expected`),
  });
  return cwd;
}

const papers = async (dir: string) => (await readdir(dir)).filter((f) => !f.startsWith('.')).sort();

describe('one set of defaults for report, summary and pack', () => {
  it('writes into reports/, in Markdown, Word and HTML, when neither --out nor --format is given', async () => {
    const cwd = await councilIn('golden-council');
    for (const args of [
      ['report', '--quarter', '2023/24-Q1'],
      ['summary', '--half', '2023/24-H1'],
      ['pack', '--half', '2023/24-H1'],
    ]) {
      const result = await runCli(args, { cwd });
      expect(result.code, result.stderr).toBe(0);
    }
    expect(await papers(path.join(cwd, 'reports'))).toEqual(
      [
        'board-pack-2023-24-h1.docx',
        'index.html',
        'index.md',
        ...[
          'places-pac-2023-24-q1',
          'places-pac-2023-24-q2',
          'pob-2023-24-h1',
          'people-pac-2023-24-q1',
          'people-pac-2023-24-q2',
        ].flatMap((p) => [`${p}.docx`, `${p}.html`, `${p}.md`]),
        // Each paper's charts, beside its Markdown.
        ...['places-pac-2023-24-q1', 'places-pac-2023-24-q2', 'people-pac-2023-24-q1', 'people-pac-2023-24-q2'].flatMap(
          (p) => [`${p}-levels.png`, `${p}-trend.png`],
        ),
        'pob-2023-24-h1-coverage.png',
        'pob-2023-24-h1-trends.png',
      ].sort(),
    );
  });

  it("takes the council's defaultFormat in all three alike", async () => {
    const cwd = await councilIn('second-council');
    const file = path.join(cwd, 'data', 'council.yaml');
    expect(await readFile(file, 'utf8')).toContain('defaultFormat: docx');
    for (const args of [
      ['report', '--quarter', '2024/25-Q1'],
      ['summary', '--half', '2024/25-H1'],
      ['pack', '--half', '2024/25-H1', '--out', 'pack'],
    ]) {
      expect((await runCli(args, { cwd })).code).toBe(0);
    }
    expect((await papers(path.join(cwd, 'reports'))).every((f) => f.endsWith('.docx'))).toBe(true);
    expect((await papers(path.join(cwd, 'pack'))).filter((f) => !f.endsWith('.docx'))).toEqual(['index.md']);
  });

  it("are the ones the README's table and each command's help give", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`| \`--data DIR\` | \`${DEFAULT_DATA}\` |`);
    expect(readme).toContain(`| \`--out DIR\` | \`${DEFAULT_OUT}\` |`);
    expect(readme).toContain(
      `| \`--format md\\|docx\\|pdf\\|html\\|all\` | the council's \`defaultFormat\`, else \`${DEFAULT_FORMAT}\``,
    );
    for (const command of ['report', 'summary', 'pack']) {
      const help = (await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ');
      expect(help).toContain(`--out <dir> output folder (default: "${DEFAULT_OUT}")`);
      expect(help).toContain(`(default: the council's defaultFormat, else ${DEFAULT_FORMAT})`);
    }
  });
});
