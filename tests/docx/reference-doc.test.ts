import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, spawnCli } from '../helpers/cli.js';
import { hasCommand, wordParagraphs, xmlParts } from './read.js';

/**
 * The council's own Word template (`--reference-doc`): its styles, page setup
 * and header are the papers', as with pandoc's reference document; a file
 * that is not a usable template is refused before anything is written.
 */

const REPORT = ['report', '--quarter', '2023/24-Q1', '--committee', 'economy-pac', '--format', 'docx'];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coprod-reference-'));
});

/** Runs `report` with a template, into a fresh folder; returns the result and the files written. */
async function reportWith(template: string): Promise<{ code: number; stderr: string; files: string[]; out: string }> {
  const out = await mkdtemp(path.join(dir, 'out-'));
  const result = spawnCli([...REPORT, '--reference-doc', template, '--out', out]);
  return { ...result, files: (await readdir(out)).filter((f) => !f.startsWith('.')), out };
}

/** The built-in template, as `coprod template` writes it. */
async function builtIn(): Promise<Uint8Array> {
  const file = path.join(await mkdtemp(path.join(dir, 'template-')), 'house-style.docx');
  const result = spawnCli(['template', '--out', file]);
  expect(result.code, result.stderr).toBe(0);
  return new Uint8Array(await readFile(file));
}

/** The built-in template with one part replaced (or removed, given undefined). */
async function changed(part: string, edit: (xml: string) => string | undefined): Promise<string> {
  const entries = unzipSync(await builtIn());
  const next = edit(strFromU8(entries[part]));
  if (next === undefined) delete entries[part];
  else entries[part] = strToU8(next);
  const file = path.join(await mkdtemp(path.join(dir, 'bad-')), 'template.docx');
  await writeFile(file, zipSync(entries));
  return file;
}

describe('coprod template', () => {
  it('writes the built-in template, which gives the same papers as no template at all', async () => {
    const file = path.join(await mkdtemp(path.join(dir, 'own-')), 'house-style.docx');
    expect(spawnCli(['template', '--out', file]).code).toBe(0);
    const again = spawnCli(['template', '--out', file]);
    expect(again.code, 'a second run does not overwrite the file').toBe(2);
    expect(again.stderr).toContain('already exists');
    const text = wordParagraphs(xmlParts(new Uint8Array(await readFile(file))).get('word/document.xml')!).map((p) => [
      p.style,
      p.text,
    ]);
    expect(text).toContainEqual(['Heading1', "Heading 1: the paper's title"]);
    expect(text).toContainEqual(['Heading4', 'Heading 4: a group within a section']);
    const withTemplate = await reportWith(file);
    expect(withTemplate.code).toBe(0);
    const plain = await mkdtemp(path.join(dir, 'plain-'));
    expect(spawnCli([...REPORT, '--out', plain]).code).toBe(0);
    const styles = (folder: string) =>
      xmlParts(new Uint8Array(execFileSync('cat', [path.join(folder, 'economy-pac-2023-24-q1.docx')]))).get(
        'word/styles.xml',
      );
    expect(styles(withTemplate.out)).toEqual(styles(plain));
  });
});

describe('a reference document made with LibreOffice', () => {
  it('gives papers its styles, margins and header', async (ctx) => {
    ctx.skip(!hasCommand('soffice'), 'LibreOffice is not installed (CI installs it through .ci/run)');
    const work = await mkdtemp(path.join(dir, 'lo-'));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        work,
        path.join(FIXTURES, 'reference-doc', 'house-style.fodt'),
      ],
      {
        stdio: 'ignore',
        timeout: 240_000,
      },
    );
    const result = await reportWith(path.join(work, 'house-style.docx'));
    expect(result.code, result.stderr).toBe(0);
    const parts = xmlParts(new Uint8Array(await readFile(path.join(result.out, 'economy-pac-2023-24-q1.docx'))));
    const styles = parts.get('word/styles.xml')!;
    const heading1 = /<w:style [^>]*w:styleId="Heading1".*?<\/w:style>/s.exec(styles)![0];
    expect(heading1).toContain('<w:color w:val="7B2C83"/>');
    expect(heading1).toContain('Liberation Serif');
    // 3 cm side margins, as the template sets.
    expect(parts.get('word/document.xml')).toMatch(/<w:pgMar [^>]*w:left="1701"[^>]*w:right="1701"/);
    const header = [...parts].find(([name]) => name.startsWith('word/header-coprod'))![1];
    expect(wordParagraphs(header).map((p) => p.text)).toEqual([
      'Fixture Borough Council house style',
      'Economy, Arts, Sports and Public Realm PAC: quarterly update, April to June 2023',
    ]);
    // Styles the template lacks come from the built-in ones.
    expect(styles).toContain('w:styleId="Heading3"');
    expect(styles).toContain('w:styleId="ListParagraph"');
  }, 300_000);
});

describe('a template coprod cannot use', () => {
  const refused = async (file: string, why: RegExp) => {
    const result = await reportWith(file);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(why);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.files).toEqual([]);
  };

  it('is refused when it is not a zip', async () => {
    const file = path.join(dir, 'not-a-zip.docx');
    await writeFile(file, 'This is a text file.\n');
    await refused(file, /not a zip file/);
  });

  it('is refused when it is missing', async () => {
    await refused(path.join(dir, 'no-such-template.docx'), /does not exist/);
  });

  it('is refused when it is a folder', async () => {
    await refused(dir, /is a folder, not a file/);
  });

  it('is refused when it would unpack to far more than it holds (a zip bomb)', async () => {
    const entries = unzipSync(await builtIn());
    entries['word/media/padding.bin'] = new Uint8Array(8 * 1024 * 1024);
    const file = path.join(dir, 'bomb.docx');
    await writeFile(file, zipSync(entries, { level: 9 }));
    await refused(file, /zip bomb/);
  });

  it('is refused when it holds macros', async () => {
    const file = await changed('[Content_Types].xml', (xml) =>
      xml.replace(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        'application/vnd.ms-word.document.macroEnabled.main+xml',
      ),
    );
    await refused(file, /macro-enabled/);
  });

  it('is refused when it has no styles', async () => {
    await refused(await changed('word/styles.xml', () => undefined), /no styles part/);
  });

  it('is refused when a style is based, in the end, on itself', async () => {
    const file = await changed('word/styles.xml', (xml) =>
      xml
        .replace(
          '<w:style w:type="paragraph" w:styleId="Heading1">',
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Heading2"/>',
        )
        .replace(
          '<w:style w:type="paragraph" w:styleId="Heading2">',
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/>',
        ),
    );
    await refused(file, /style loop/);
  });
});
