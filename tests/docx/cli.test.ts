import { mkdtemp, readdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { copyToTemp, FIXTURES, ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { xmlParts } from './read.js';

const QUARTER = ['report', '--quarter', '2023/24-Q1'];

async function docxFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.docx')).sort();
}

/** A copy of the sample data whose council.yaml names a logo. */
async function dataWithLogo(logo: string | undefined, alt = 'London Borough of Riverside logo'): Promise<string> {
  const data = await copyToTemp(path.join(ROOT, 'data'));
  if (logo) await copyFile(path.join(FIXTURES, 'docx-logo', logo), path.join(data, 'logo-file'));
  const file = path.join(data, 'council.yaml');
  const yaml = await readFile(file, 'utf8');
  await writeFile(
    file,
    yaml.replace(
      '    headingColour: 1F3864\n',
      `    headingColour: 1F3864\n    logo:\n      path: logo-file\n      alt: ${alt}\n      width: 120\n`,
    ),
  );
  return data;
}

describe('coprod report --format docx', () => {
  it('gives identical bytes from two runs a second apart, in different time zones', async () => {
    const a = await mkdtemp(path.join(tmpdir(), 'coprod-docx-a-'));
    const b = await mkdtemp(path.join(tmpdir(), 'coprod-docx-b-'));
    expect(spawnCli([...QUARTER, '--format', 'docx', '--out', a], { env: { TZ: 'UTC' } }).code).toBe(0);
    await sleep(1100);
    expect(spawnCli([...QUARTER, '--format', 'docx', '--out', b], { env: { TZ: 'Pacific/Chatham' } }).code).toBe(0);
    const files = await docxFiles(a);
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(await docxFiles(b)).toEqual(files);
    for (const file of files)
      expect(await readFile(path.join(b, file)), file).toEqual(await readFile(path.join(a, file)));
  }, 120_000);

  it('dates the document from SOURCE_DATE_EPOCH, and leaves the dates out without it', async () => {
    const withEpoch = await mkdtemp(path.join(tmpdir(), 'coprod-docx-epoch-'));
    const without = await mkdtemp(path.join(tmpdir(), 'coprod-docx-noepoch-'));
    const committee = ['--committee', 'economy-pac'];
    expect(
      (
        await runCli([...QUARTER, ...committee, '--format', 'docx', '--out', withEpoch], {
          env: { SOURCE_DATE_EPOCH: '1688169600' },
        })
      ).code,
    ).toBe(0);
    expect((await runCli([...QUARTER, ...committee, '--format', 'docx', '--out', without], { env: {} })).code).toBe(0);
    const [file] = await docxFiles(withEpoch);
    const dated = xmlParts(new Uint8Array(await readFile(path.join(withEpoch, file)))).get('docProps/core.xml')!;
    expect(dated).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-07-01T00:00:00Z</dcterms:created>');
    expect(dated).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-07-01T00:00:00Z</dcterms:modified>');
    const undated = xmlParts(new Uint8Array(await readFile(path.join(without, file)))).get('docProps/core.xml')!;
    expect(undated).not.toContain('dcterms:created');
    expect(undated).not.toContain('dcterms:modified');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds, with exit 2', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-docx-bad-epoch-'));
    const result = await runCli([...QUARTER, '--format', 'docx', '--out', out], {
      env: { SOURCE_DATE_EPOCH: 'yesterday' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds');
  });

  it('refuses, with exit 2, a template whose headings skip a level, naming the paper', async () => {
    const templates = await mkdtemp(path.join(tmpdir(), 'coprod-templates-'));
    await writeFile(
      path.join(templates, 'pac-quarterly.md.hbs'),
      '# {{inline header.subject}}\n\n### Straight to level three\n',
    );
    const out = path.join(templates, 'out');
    const result = await runCli([
      ...QUARTER,
      '--committee',
      'economy-pac',
      '--templates',
      templates,
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'coprod: economy-pac-2023-24-q1.docx was not written: the heading "Straight to level three" is Heading 3 but follows a Heading 1',
    );
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('writes Markdown, Word and HTML with --format all', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-docx-all-'));
    expect((await runCli([...QUARTER, '--committee', 'economy-pac', '--format', 'all', '--out', out])).code).toBe(0);
    expect((await readdir(out)).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'economy-pac-2023-24-q1-levels.png',
      'economy-pac-2023-24-q1-trend.png',
      'economy-pac-2023-24-q1.docx',
      'economy-pac-2023-24-q1.html',
      'economy-pac-2023-24-q1.md',
    ]);
  });
});

describe('the council logo', () => {
  it('is placed at the top of the first page with its alternative text, the same bytes every time', async () => {
    const data = await dataWithLogo('logo.png');
    const outs = [
      await mkdtemp(path.join(tmpdir(), 'coprod-logo-a-')),
      await mkdtemp(path.join(tmpdir(), 'coprod-logo-b-')),
    ];
    for (const out of outs) {
      const result = await runCli([...QUARTER, '--data', data, '--format', 'docx', '--out', out]);
      expect(result.stderr).not.toContain('internal error');
      expect(result.code).toBe(0);
    }
    const files = await docxFiles(outs[0]);
    for (const file of files)
      expect(await readFile(path.join(outs[1], file))).toEqual(await readFile(path.join(outs[0], file)));
    const bytes = new Uint8Array(await readFile(path.join(outs[0], files[1])));
    const document = xmlParts(bytes).get('word/document.xml')!;
    const firstParagraph = /<w:body><w:p>(.*?)<\/w:p>/.exec(document)![1];
    expect(firstParagraph).toMatch(
      /<wp:docPr id="1" name="Logo" descr="London Borough of Riverside logo" title="London Borough of Riverside logo"\/>/,
    );
    // 120 pixels wide, 60 high (the fixture is 64 × 32), in EMU.
    expect(firstParagraph).toContain('<wp:extent cx="1143000" cy="571500"/>');
    expect(xmlParts(bytes).get('word/_rels/document.xml.rels')).toMatch(/Target="media\/[^"]+\.png"/);
  });

  // The logo is checked with the data (`logo-unusable`, issue 19), so a bad one stops every command before anything is rendered.
  it('that is missing stops the report with exit 1, naming the path in council.yaml, and nothing is written', async () => {
    const data = await dataWithLogo(undefined);
    const result = await runCli([...QUARTER, '--data', data, '--format', 'docx', '--out', path.join(data, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /council\.yaml:\d+:\d+ {2}error {2}logo-unusable {2}The logo `logo-file` does not exist/,
    );
    await expect(readdir(path.join(data, 'out'))).rejects.toThrow();
  });

  it('that is not a PNG or JPEG stops the report with exit 1', async () => {
    const data = await dataWithLogo('not-an-image.png');
    const result = await runCli([...QUARTER, '--data', data, '--format', 'docx', '--out', path.join(data, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/logo-unusable {2}The logo `logo-file` is not a PNG or JPEG image/);
  });

  it('is checked with the data even when only Markdown is written', async () => {
    const data = await dataWithLogo(undefined);
    expect((await runCli([...QUARTER, '--data', data, '--format', 'md', '--out', path.join(data, 'out')])).code).toBe(
      1,
    );
  });
});
