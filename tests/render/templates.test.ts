import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOLDEN_COUNCIL } from '../helpers/dataset.js';

/** Writes `files` (relative path → content) into a fresh templates folder. */
async function templatesFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'coprod-templates-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

async function runWith(command: string[], files: Record<string, string>) {
  const dir = await templatesFolder(files);
  const out = path.join(dir, 'out');
  return { dir, out, ...(await runCli([...command, '--data', GOLDEN_COUNCIL, '--out', out, '--templates', dir])) };
}

const SUMMARY = ['summary', '--half', '2023/24-H1'];
const REPORT = ['report', '--quarter', '2023/24-Q1'];

describe('--templates DIR', () => {
  it('overrides a shared partial by name in both documents, keeping the built-in rest', async () => {
    const files = {
      'partials/header.hbs': '**{{inline council.name}}**\n\nPrepared for: {{inline header.reportTo}}\n',
    };
    const summary = await runWith(SUMMARY, files);
    expect(summary.code).toBe(0);
    const text = await readFile(path.join(summary.out, 'pob-2023-24-h1.md'), 'utf8');
    expect(text).toContain('Prepared for: Policy and Oversight Board');
    expect(text).not.toContain('**Responsible Director:**');
    expect(text).toContain(
      "\n### 4. Coverage: the eight recommendations of the Disabled People's Commission by Policy and Accountability Committee\n",
    );
    expect(text).toContain('\n## Appendix 1: measures served in April to September 2023\n');
    const report = await runWith(REPORT, files);
    expect(report.code).toBe(0);
    const places = await readFile(path.join(report.out, 'places-pac-2023-24-q1.md'), 'utf8');
    expect(places).toContain('Prepared for: Places Policy and Accountability Committee');
    expect(places).not.toContain('**Responsible Director:**');
    expect(places).toContain('\n### 4. What the Committee asked last quarter, and the answer\n');
    expect(places).toContain('\n## Appendix 1: measures served in April to June 2023\n');
  });

  it('overrides a whole document by name', async () => {
    const result = await runWith(SUMMARY, { 'pob-summary.md.hbs': '# {{inline header.subject}}\n\n{{> contacts}}\n' });
    expect(result.code).toBe(0);
    expect(await readFile(path.join(result.out, 'pob-2023-24-h1.md'), 'utf8')).toBe(
      '# Co-production biannual summary: April to September 2023\n\n## Contact officers\n\n- **Head of Co-production**, Co-production Team. Email: coproduction@fixture.example.gov.uk\n',
    );
  });

  it('refuses a syntax error with exit 2, naming the file, line and column, and writes nothing', async () => {
    const result = await runWith(SUMMARY, { 'pob-summary.md.hbs': '# Title\n\n  {{#if half}\n{{/if}}\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pob-summary\.md\.hbs:3:13: syntax error: unexpected `}`/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await expect(readFile(path.join(result.out, 'pob-2023-24-h1.md'))).rejects.toThrow();
  });

  it('says where a block is left open', async () => {
    const result = await runWith(REPORT, {
      'partials/background.hbs': '## Background papers\n\n{{#each backgroundPapers}}\n- {{text this}}\n',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /partials\/background\.hbs:\d+:\d+: syntax error: the template ends before a tag or block is closed/,
    );
  });

  it('refuses an unknown helper when the templates are loaded, with file, line and column', async () => {
    const result = await runWith(SUMMARY, { 'partials/values.hbs': '## Our values\n\n{{shout council.name}}\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/partials\/values\.hbs:3:1: the template uses the unknown helper `shout`/);
  });

  it("refuses a field the model does not have, even inside a helper, with the partial's file and position", async () => {
    const result = await runWith(REPORT, {
      'partials/contacts.hbs': '## Contact officers\n\n{{#each contacts}}\n- {{inline rol}}\n{{/each}}\n',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /partials\/contacts\.hbs:4:12: the template uses `rol`, which the report data does not have/,
    );
    await expect(readFile(path.join(result.out, 'places-pac-2023-24-q1.md'))).rejects.toThrow();
  });

  it('refuses a plain {{field}} the model does not have', async () => {
    const result = await runWith(SUMMARY, { 'pob-summary.md.hbs': '# {{inline header.subject}}\n\n{{board.chair}}\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pob-summary\.md\.hbs:3:3: the template uses `chair`/);
  });

  it('refuses a partial that does not exist when the templates are loaded', async () => {
    const result = await runWith(SUMMARY, { 'pob-summary.md.hbs': '# Title\n\n{{> signature}}\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /pob-summary\.md\.hbs:3:1: the template uses the partial `signature`, which does not exist/,
    );
  });

  it('refuses a templates folder that does not exist', async () => {
    const result = await runCli([
      ...SUMMARY,
      '--data',
      GOLDEN_COUNCIL,
      '--out',
      path.join(tmpdir(), 'coprod-never'),
      '--templates',
      path.join(tmpdir(), 'coprod-no-such-folder'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read the templates folder/);
  });
});
