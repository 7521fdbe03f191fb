import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCommand, xmlParts } from '../docx/read.js';
import { FIXTURES, spawnCli } from '../helpers/cli.js';

/**
 * The Easy Read companions in Word, read back independently: their XML with
 * a DOM parser (sizes, spacing, pictures and their alternative text), and
 * their layout as LibreOffice makes it, read by pdftotext and pdfinfo
 * (sentences, the "Hard words" page, page counts).
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SECOND = path.join(FIXTURES, 'second-council');
const SUMMARY = 'pob-2023-24-h1-easy-read';
/** Easy Read guidance: a committee's companion fits in this many pages. */
const MAX_PAGES = 8;
const HEADINGS = [
  'What this is about',
  'What we did with Disabled residents',
  'What changed because of what you told us',
  'What did not go well and what we are doing',
  'What happens next',
  'How to tell us what you think',
  'Hard words',
];

let dir: string;
const out = () => path.join(dir, 'sample');
const outSecond = () => path.join(dir, 'second');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coprod-easy-read-docx-'));
  const run = (args: string[]) => {
    const result = spawnCli(args, { timeout: 120_000 });
    expect(result.code, result.stderr).toBe(0);
  };
  run(['summary', '--half', '2023/24-H1', '--easy-read', '--format', 'docx', '--out', out()]);
  for (const quarter of ['2023/24-Q1', '2023/24-Q2'])
    run(['report', '--quarter', quarter, '--easy-read', '--format', 'docx', '--out', out()]);
  run([
    'pack',
    '--half',
    '2024/25-H1',
    '--easy-read',
    '--format',
    'docx',
    '--data',
    SECOND,
    '--out',
    outSecond(),
    '--quiet',
  ]);
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const doc = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const all = (root: ReturnType<typeof doc> | Element, ns: string, local: string) =>
  Array.from(root.getElementsByTagNameNS(ns, local));
const wVal = (el: Element, local: string) => el.getAttributeNS(W, local);

async function companions(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((f) => f.endsWith('-easy-read.docx')).sort();
}

describe('the Easy Read companions in Word (the XML)', () => {
  it('set all text at 16 point or more, in a sans-serif font, with 1.5 line spacing, left aligned', async () => {
    for (const [folder, font] of [
      [out(), 'Arial'],
      [outSecond(), 'Verdana'],
    ] as const) {
      const files = await companions(folder);
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) {
        const parts = xmlParts(await readFile(path.join(folder, file)));
        const styles = doc(parts.get('word/styles.xml')!);
        const defaults = all(styles, W, 'docDefaults')[0];
        expect(Number(wVal(all(defaults, W, 'sz')[0], 'val')), file).toBeGreaterThanOrEqual(32);
        expect(wVal(all(defaults, W, 'rFonts')[0], 'ascii'), file).toBe(font);
        const spacing = all(defaults, W, 'spacing')[0];
        expect([wVal(spacing, 'line'), wVal(spacing, 'lineRule')], file).toEqual(['360', 'auto']);
        expect(wVal(all(defaults, W, 'jc')[0], 'val'), file).toBe('left');
        // Every size anywhere in the document: its body, styles, running heads and footers.
        for (const [part, xml] of parts) {
          if (!/^word\/.*\.xml$/.test(part)) continue;
          for (const tag of ['sz', 'szCs'])
            for (const sz of all(doc(xml), W, tag))
              expect(Number(wVal(sz, 'val')), `${file} ${part} w:${tag}`).toBeGreaterThanOrEqual(32);
        }
      }
    }
  });

  it('lay out every row as a picture with alternative text beside words, in borderless tables with no header row', async () => {
    for (const folder of [out(), outSecond()])
      for (const file of await companions(folder)) {
        const body = doc(xmlParts(await readFile(path.join(folder, file))).get('word/document.xml')!);
        const tables = all(body, W, 'tbl');
        expect(tables.length, file).toBeGreaterThan(3);
        for (const table of tables) {
          expect(all(table, W, 'tblHeader'), file).toEqual([]);
          for (const border of Array.from(all(table, W, 'tblBorders')[0].childNodes).filter((n) => n.nodeType === 1))
            expect(wVal(border as Element, 'val'), file).toBe('nil');
          for (const row of all(table, W, 'tr')) {
            const [picture, words] = all(row, W, 'tc');
            const docPr = all(picture, WP, 'docPr');
            expect(docPr, file).toHaveLength(1);
            expect(docPr[0].getAttribute('descr')!.trim(), file).not.toBe('');
            expect(
              all(words, W, 't')
                .map((t) => t.textContent)
                .join('')
                .trim(),
              file,
            ).not.toBe('');
          }
        }
        // Every picture in the document has alternative text.
        for (const docPr of all(body, WP, 'docPr')) expect(docPr.getAttribute('descr')!.trim(), file).not.toBe('');
      }
  });

  it('store each picture once however often it is shown, and every picture leads to an image in the file', async () => {
    for (const folder of [out(), outSecond()])
      for (const file of await companions(folder)) {
        const zip = unzipSync(await readFile(path.join(folder, file)));
        const parts = xmlParts(await readFile(path.join(folder, file)));
        const embeds = all(doc(parts.get('word/document.xml')!), A, 'blip').map((b) => b.getAttributeNS(R, 'embed')!);
        const targets = new Map(
          all(doc(parts.get('word/_rels/document.xml.rels')!), RELS, 'Relationship').map((r) => [
            r.getAttribute('Id')!,
            r.getAttribute('Target')!,
          ]),
        );
        for (const id of embeds) expect(zip[`word/${targets.get(id)}`], `${file} ${id}`).toBeDefined();
        const media = Object.keys(zip).filter((name) => name.startsWith('word/media/'));
        // Fewer images than pictures shown: the same picture on many rows is one image.
        expect(media.length, file).toBeLessThan(embeds.length);
        expect(new Set(embeds).size, file).toBe(media.length);
        const bytes = media.map((name) => Buffer.from(zip[name]).toString('base64'));
        expect(new Set(bytes).size, file).toBe(media.length);
      }
  });
});

/** The PDF's text, page by page. */
function pdfPages(pdf: string): string[] {
  const count = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
  return Array.from(
    { length: count },
    (_, i) => spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout,
  );
}

/**
 * The body's sentences as a reader meets them on the page: the running head,
 * page numbers, title and headings taken out; a line that ends with a colon
 * is a label ("You said:") and stands on its own.
 */
function bodySentences(pages: readonly string[], remove: readonly string[]): string[] {
  const breakMark = '\u0001';
  let text = pages.join('\n').replace(/:\n/g, `:${breakMark}`).replace(/\s+/g, ' ');
  for (const words of remove) text = text.split(words.replace(/\s+/g, ' ')).join(breakMark);
  text = text.replace(/Page \d+ of \d+/g, breakMark);
  return text
    .split(breakMark)
    .flatMap((chunk) => chunk.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('the Easy Read companions laid out by LibreOffice', () => {
  let pdfs: string;
  let ready = false;

  beforeAll(() => {
    if (!hasCommand('soffice') || !hasCommand('pdftotext')) return;
    pdfs = path.join(dir, 'pdf');
    return (async () => {
      const files = [
        ...(await companions(out())).map((f) => path.join(out(), f)),
        ...(await companions(outSecond())).map((f) => path.join(outSecond(), f)),
      ];
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          pdfs,
          ...files,
        ],
        { timeout: 280_000, stdio: 'ignore' },
      );
      ready = true;
    })();
  }, 300_000);

  const skipReason = 'LibreOffice and poppler-utils are not installed (CI installs them through .ci/run)';

  it(`the sample's H1 summary has no body sentence over 15 words, and ends with a "Hard words" page`, (ctx) => {
    ctx.skip(!ready, skipReason);
    const pages = pdfPages(path.join(pdfs, `${SUMMARY}.pdf`));
    const remove = [
      'London Borough of Riverside',
      'Easy Read: April to September 2023',
      'Working with Disabled residents: April to September 2023',
      ...HEADINGS,
    ];
    const sentences = bodySentences(pages, remove);
    expect(sentences.length).toBeGreaterThan(30);
    expect(sentences.filter((s) => words(s) > 15)).toEqual([]);
    const hard = pages.findIndex((p) => p.includes('Hard words'));
    expect(hard).toBeGreaterThan(0);
    // The page starts with the heading, after the running head: nothing of the sections before it shares the page.
    const lines = pages[hard].split('\n').filter((l) => l.trim() !== '');
    expect(lines.slice(0, 3)).toEqual([
      'London Borough of Riverside',
      'Easy Read: April to September 2023',
      'Hard words',
    ]);
    expect(pages[hard]).toContain('co-production:');
  });

  it(`every committee's companion fits in ${MAX_PAGES} pages, for the sample and the second council`, async (ctx) => {
    ctx.skip(!ready, skipReason);
    const counts = (await readdir(pdfs))
      .filter((f) => !f.startsWith('pob-') && !f.startsWith('osc-'))
      .map((f) => [f, pdfPages(path.join(pdfs, f)).length] as const);
    expect(counts.length).toBe(16);
    for (const [file, n] of counts) {
      expect(n, file).toBeLessThanOrEqual(MAX_PAGES);
      expect(n, file).toBeGreaterThan(1);
    }
  });

  it("the second council's companions call its committees Panels, never Committees or PACs", async (ctx) => {
    ctx.skip(!ready, skipReason);
    for (const f of (await readdir(pdfs)).filter((f) => /^(osc|[a-z]+-panel)-/.test(f))) {
      const text = pdfPages(path.join(pdfs, f)).join('\n');
      expect(text, f).toMatch(/\bPanel\b/);
      expect(text, f).not.toMatch(/\bCommittees?\b|\bPAC\b/);
    }
  });
});
