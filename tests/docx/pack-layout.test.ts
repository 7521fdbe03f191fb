import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { hasCommand, wordParagraphs, xmlParts } from './read.js';

/**
 * The Board pack as LibreOffice lays it out: the contents page's numbers are
 * the pages where the papers begin, the coverage matrix breaks no word, and
 * `--format pdf` gives a tagged PDF with a bookmark for every paper.
 */

const PACK = ['pack', '--half', '2023/24-H1'];
const engines = hasCommand('soffice') && hasCommand('pdftotext');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coprod-layout-'));
});

/** Each page's text, whitespace collapsed, as LibreOffice lays the document out. */
function pages(docx: string): string[] {
  const out = path.join(path.dirname(docx), 'pdf');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      docx,
    ],
    { stdio: 'ignore', timeout: 240_000 },
  );
  const text = execFileSync(
    'pdftotext',
    ['-enc', 'UTF-8', path.join(out, path.basename(docx).replace(/\.docx$/, '.pdf')), '-'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const list = text.split('\f');
  if (list.at(-1)?.trim() === '') list.pop();
  return list.map((p) => p.replace(/\s+/g, ' ').trim());
}

describe.runIf(engines)('pack --page-numbers, laid out by LibreOffice', () => {
  let laid: string[];
  let contents: { title: string; page: number }[];

  beforeAll(async () => {
    const out = path.join(dir, 'numbered');
    const result = spawnCli([...PACK, '--format', 'docx', '--page-numbers', '--out', out], { timeout: 600_000 });
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(out, 'board-pack-2023-24-h1.docx');
    const document = xmlParts(new Uint8Array(await readFile(file))).get('word/document.xml')!;
    contents = wordParagraphs(document)
      .filter((p) => /\t\d+$/.test(p.text))
      .map((p) => ({ title: p.text.split('\t')[0], page: Number(p.text.split('\t')[1]) }));
    laid = pages(file);
  }, 900_000);

  it('lists every paper, and not the cover, with the page where it begins in the PDF', () => {
    expect(contents).toHaveLength(11);
    expect(contents.map((c) => c.title)).not.toContain(expect.stringContaining('papers on co-production'));
    // pdftotext joins a word hyphenated at a line's end ("co-" and "production" read as "coproduction"): compared without hyphens or spaces.
    const loose = (text: string) => text.replace(/[-\s]+/g, '');
    for (const { title, page } of contents) {
      const first = laid.findIndex((text) => loose(text).includes(loose(title))) + 1;
      // The title also stands on the contents page: the paper begins at the first page after it that shows it.
      const begins = laid.findIndex((text, i) => i >= 2 && loose(text).includes(loose(title))) + 1;
      expect(first, title).toBeGreaterThan(0);
      expect(page, title).toBe(begins);
    }
  });

  it('names the paper in the running head of each of its pages, and ends without a blank page', () => {
    const last = laid.at(-1)!;
    expect(last.replace(/London Borough of Riverside|Page \d+ of \d+/g, '').length).toBeGreaterThan(200);
    for (const { page } of contents)
      expect(laid[page - 1]).toMatch(/^London Borough of Riverside .+: (quarterly update|biannual summary), /);
  });

  it('breaks no committee name or "Recommendation" in the middle of a word in the coverage matrix', () => {
    // The matrix may run on to the next page, under its repeated header row.
    const at = laid.findIndex((text) => text.includes('4. Coverage'));
    const summary = `${laid[at]} ${laid[at + 1]}`;
    const words = [
      'Recommendation',
      'Economy',
      'Climate',
      'Ecology',
      'Health',
      'Adult',
      'Social',
      'Children',
      'Education',
      'Inclusion',
      'Community',
      'Safety',
      'Accountability',
      'Committee',
    ];
    const tokens = summary.split(/[\s,.:;()]+/);
    const fragments = tokens.filter(
      (t) => t.length >= 3 && words.some((w) => w !== t && (w.startsWith(t) || w.endsWith(t))) && !words.includes(t),
    );
    expect(fragments).toEqual([]);
    for (const word of ['Economy', 'Climate', 'Health', 'Children', 'Inclusion']) expect(tokens, word).toContain(word);
  });
});

describe.runIf(engines)('pack --format pdf', () => {
  it('writes a PDF of every paper and of the pack, with a bookmark for every paper', async () => {
    const out = path.join(dir, 'pdf-pack');
    const result = spawnCli([...PACK, '--format', 'pdf', '--out', out], { timeout: 600_000 });
    expect(result.code, result.stderr).toBe(0);
    const files = (await readdir(out)).filter((f) => !f.startsWith('.')).sort();
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(12);
    expect(files).toContain('index.md');
    const pdf = await readFile(path.join(out, 'board-pack-2023-24-h1.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes('/Outlines')).toBe(true);
    expect(pdf.includes('/StructTreeRoot'), 'a tagged PDF').toBe(true);
    // Outline titles are UTF-16 hex strings.
    const titles = [...pdf.toString('latin1').matchAll(/\/Title\s*<FEFF([0-9A-F]*)>/gi)].map((m) =>
      Buffer.from(m[1], 'hex').swap16().toString('utf16le'),
    );
    expect(titles).toContain('Policy and Oversight Board: co-production biannual summary, April to September 2023');
    expect(titles).toContain(
      'Economy, Arts, Sports and Public Realm PAC: co-production quarterly update, April to June 2023',
    );
    const text = execFileSync('pdftotext', [path.join(out, 'economy-pac-2023-24-q1.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('Report to: Economy, Arts, Sports and Public Realm Policy and Accountability Committee');
  }, 600_000);
});

describe('without LibreOffice', () => {
  it('refuses --format pdf and --page-numbers with the package to install, writing nothing', async () => {
    for (const args of [
      ['--format', 'pdf'],
      ['--format', 'docx', '--page-numbers'],
    ]) {
      const out = path.join(dir, `none-${args.join('')}`);
      const result = spawnCli([...PACK, ...args, '--out', out], { env: { PATH: '/nonexistent' } });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/LibreOffice.*libreoffice-writer-nogui/);
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(await readdir(out).catch(() => [])).toEqual([]);
    }
  });
});
