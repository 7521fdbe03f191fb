import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hasCommand, markdownHeadings, markdownTables, pandocRead, parseStrict, squash, xmlParts } from './read.js';

/** The sample council's quarterly updates, in both formats, read back by readers that are not ours. */
let out: string;
let names: string[];

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'coprod-docx-'));
  const result = await runCli(['report', '--quarter', '2023/24-Q1', '--format', 'all', '--out', out]);
  expect(result.stderr).not.toContain('internal error');
  expect(result.code).toBe(0);
  names = (await readdir(out))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => f.replace(/\.docx$/, ''))
    .sort();
});

const paper = async (name: string) => ({
  markdown: await readFile(path.join(out, `${name}.md`), 'utf8'),
  docx: new Uint8Array(await readFile(path.join(out, `${name}.docx`))),
  file: path.join(out, `${name}.docx`),
});

describe('DOCX papers read back by independent readers', () => {
  it('writes one DOCX beside each Markdown paper', async () => {
    const md = (await readdir(out))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.replace(/\.md$/, ''))
      .sort();
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(md);
  });

  it('has only well-formed XML parts, a title, en-GB, Heading 1 with an outline level and repeating table headers', async () => {
    for (const name of names) {
      const { docx, markdown } = await paper(name);
      const parts = xmlParts(docx);
      for (const [part, xml] of parts) expect(() => parseStrict(xml), `${name}: ${part}`).not.toThrow();
      const title = /^# (.*)$/m.exec(markdown)![1];
      expect(parts.get('docProps/core.xml')).toContain(`<dc:title>${title}</dc:title>`);
      expect(parts.get('word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);
      expect(parts.get('word/settings.xml')).toContain('<w:themeFontLang w:val="en-GB"/>');
      expect(parts.get('word/styles.xml')).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/s);
      const tables = (parts.get('word/document.xml')!.match(/<w:tbl>/g) ?? []).length;
      expect((parts.get('word/document.xml')!.match(/<w:tblHeader\/>/g) ?? []).length).toBe(tables);
      expect(parts.get('word/footer1.xml')).toMatch(/PAGE<\/w:instrText>.*NUMPAGES<\/w:instrText>/s);
    }
  });

  it('pandoc reads back the same headings and table cells as the Markdown, with header rows', async (ctx) => {
    ctx.skip(!hasCommand('pandoc'), 'pandoc is not installed (CI installs it through .ci/run)');
    for (const name of names.slice(0, 2)) {
      const { markdown, file } = await paper(name);
      const reading = pandocRead(file);
      expect(reading.headings.map((h) => [h.level, squash(h.text)])).toEqual(
        markdownHeadings(markdown).map((h) => [h.level, squash(h.text)]),
      );
      const tables = markdownTables(markdown);
      expect(reading.tables).toHaveLength(tables.length);
      reading.tables.forEach((table, i) => {
        expect(table.head).toHaveLength(1);
        const cells = [...table.head, ...table.body].map((row) => row.map(squash));
        expect(cells).toEqual(tables[i].map((row) => row.map(squash)));
      });
    }
  });

  it('mammoth reads back every paragraph of the Markdown', async () => {
    const { markdown, docx } = await paper(names[0]);
    const text = squash((await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value);
    const paragraphs = markdown
      .split(/\n{2,}/)
      // A thematic break (`---`) is no text: in Word it starts a new page at the next heading (checked below).
      // A paragraph of chart images is no text either: Word holds the images, with their alternative text (tests/charts).
      .filter((block) => !block.startsWith('|') && !block.startsWith('#') && block !== '---' && !block.startsWith('!['))
      .flatMap((block) => block.split(/\n(?=- |\d+\. )/))
      .map((p) =>
        squash(
          p
            .replace(/^(- |\d+\. )/, '')
            .replace(/\*\*/g, '')
            .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
        ),
      )
      .filter((p) => p !== '');
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) expect(text).toContain(p);
    // Each heading after a thematic break, and only those, starts a new page.
    const afterBreaks = [...markdown.matchAll(/^---\n\n#{1,6} (.*)$/gm)].map((m) => squash(m[1]));
    expect(afterBreaks).toEqual([expect.stringMatching(/^Appendix 1: /)]);
    const decode = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const newPages = xmlParts(docx)
      .get('word/document.xml')!
      .split(/(?=<w:p[ >])/)
      .filter((p) => p.includes('<w:pageBreakBefore/>'))
      .map((p) => squash(decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))));
    expect(newPages).toEqual(afterBreaks);
  });

  it('LibreOffice converts a paper to PDF that shows its title', async (ctx) => {
    ctx.skip(!hasCommand('soffice'), 'LibreOffice (soffice) is not installed (CI installs it through .ci/run)');
    const { file, markdown } = await paper(names[0]);
    const pdfDir = await mkdtemp(path.join(tmpdir(), 'coprod-pdf-'));
    const profile = await mkdtemp(path.join(tmpdir(), 'coprod-lo-profile-'));
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, file],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = path.join(pdfDir, `${names[0]}.pdf`);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    // A long title wraps across lines in the PDF.
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(/^# (.*)$/m.exec(markdown)![1]);
    expect(text.stdout).toMatch(/Page 1 of \d+/);
  }, 150_000);
});
