import { readFile, readdir, rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { chartSvg, drawChart, drawWarnings } from '../../src/charts/draw.js';
import { chartLayout, DEFAULT_CHART_WIDTH } from '../../src/charts/chart.js';
import { quarterlyCharts, summaryCharts } from '../../src/charts/build.js';
import { buildLookup } from '../../src/model/lookup.js';
import { buildQuarterlyModel } from '../../src/model/quarterly.js';
import { buildSummaryModel } from '../../src/model/summary.js';
import { PAGE, TEXT_WIDTH } from '../../src/docx/style.js';
import { copyToTemp, FIXTURES, spawnCli } from '../helpers/cli.js';
import { loadDataset, SAMPLE_COUNCIL } from '../helpers/dataset.js';

/**
 * Issue 16's acceptance, read back by independent readers: the DOCX unzipped
 * (word/media and each drawing's docPr), the Markdown's image links, and the
 * bytes of two runs.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coprod-charts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every drawing of a DOCX: its name, alternative text and title, from wp:docPr. */
function drawings(docx: Uint8Array): { media: string[]; images: { name: string; descr: string; title: string }[] } {
  const files = unzipSync(docx);
  const doc = new DOMParser().parseFromString(strFromU8(files['word/document.xml']), 'text/xml');
  const props = Array.from(doc.getElementsByTagName('wp:docPr'));
  return {
    media: Object.keys(files).filter((f) => f.startsWith('word/media/')),
    images: props.map((p) => ({
      name: p.getAttribute('name') ?? '',
      descr: p.getAttribute('descr') ?? '',
      title: p.getAttribute('title') ?? '',
    })),
  };
}

/** The image links of some Markdown: ![alt](file "title"). */
function imageLinks(markdown: string): { alt: string; file: string }[] {
  return [...markdown.matchAll(/!\[([^\]]*)\]\(([^ )]+)/g)].map((m) => ({ alt: m[1], file: m[2] }));
}

describe("the sample's Economy update for 2023/24-Q1", () => {
  it('in Word holds at least two images, each with alternative text that gives a number', async () => {
    const out = path.join(dir, 'docx');
    const run = spawnCli([
      'report',
      '--quarter',
      '2023/24-Q1',
      '--committee',
      'economy-pac',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(out)).filter((f) => f.endsWith('.png'))).toEqual([]);
    const { media, images } = drawings(await readFile(path.join(out, 'economy-pac-2023-24-q1.docx')));
    expect(media.length).toBeGreaterThanOrEqual(2);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) {
      expect(image.descr.trim()).not.toBe('');
      expect(image.descr).toMatch(/\d/);
      expect(image.title.trim()).not.toBe('');
    }
    expect(images.map((i) => i.name)).toEqual(['economy-pac-2023-24-q1-trend', 'economy-pac-2023-24-q1-levels']);
  });

  it('in Markdown links image files that exist beside it, with alternative text; two runs give the same bytes', async () => {
    const outs = [path.join(dir, 'md-1'), path.join(dir, 'md-2')];
    for (const out of outs)
      expect(
        spawnCli(['report', '--quarter', '2023/24-Q1', '--committee', 'economy-pac', '--format', 'md', '--out', out])
          .code,
      ).toBe(0);
    const markdown = await readFile(path.join(outs[0], 'economy-pac-2023-24-q1.md'), 'utf8');
    const links = imageLinks(markdown);
    expect(links.map((l) => l.file)).toEqual(['economy-pac-2023-24-q1-trend.png', 'economy-pac-2023-24-q1-levels.png']);
    for (const link of links) {
      expect(link.alt).toMatch(/\d/);
      const [a, b] = await Promise.all(outs.map((out) => readFile(path.join(out, link.file))));
      expect(a.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(Buffer.compare(a, b)).toBe(0);
    }
  });

  it('--no-charts writes the paper as it was, with no images', async () => {
    const out = path.join(dir, 'none');
    expect(
      spawnCli([
        'report',
        '--quarter',
        '2023/24-Q1',
        '--committee',
        'economy-pac',
        '--format',
        'all',
        '--out',
        out,
        '--no-charts',
      ]).code,
    ).toBe(0);
    expect((await readdir(out)).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'economy-pac-2023-24-q1.docx',
      'economy-pac-2023-24-q1.html',
      'economy-pac-2023-24-q1.md',
    ]);
    expect(await readFile(path.join(out, 'economy-pac-2023-24-q1.html'), 'utf8')).not.toContain('<svg');
    expect(imageLinks(await readFile(path.join(out, 'economy-pac-2023-24-q1.md'), 'utf8'))).toEqual([]);
    expect(drawings(await readFile(path.join(out, 'economy-pac-2023-24-q1.docx'))).media).toEqual([]);
  });
});

describe('the HTML paper', () => {
  it('shows each chart inline as SVG with role img, a title and a description with a number, and needs no file beside it', async () => {
    const out = path.join(dir, 'html');
    expect(
      spawnCli(['report', '--quarter', '2023/24-Q1', '--committee', 'economy-pac', '--format', 'html', '--out', out])
        .code,
    ).toBe(0);
    expect((await readdir(out)).filter((f) => !f.startsWith('.'))).toEqual(['economy-pac-2023-24-q1.html']);
    const page = await readFile(path.join(out, 'economy-pac-2023-24-q1.html'), 'utf8');
    expect(page).not.toMatch(/<img\b[^>]*\.png/);
    const svgs = [...page.matchAll(/<svg\b[^>]*>([\s\S]*?)<\/svg>/g)];
    expect(svgs).toHaveLength(2);
    for (const [whole, inner] of svgs) {
      expect(whole).toMatch(/role="img"/);
      expect(inner).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(/<desc id="[^"]+">([^<]+)<\/desc>/.exec(inner)?.[1]).toMatch(/\d/);
    }
  });
});

describe("the Board's summary", () => {
  it('has the coverage heat map, in Word and Markdown', async () => {
    const out = path.join(dir, 'summary');
    expect(spawnCli(['summary', '--half', '2023/24-H1', '--format', 'all', '--out', out]).code).toBe(0);
    const links = imageLinks(await readFile(path.join(out, 'pob-2023-24-h1.md'), 'utf8'));
    expect(links.map((l) => l.file)).toEqual(['pob-2023-24-h1-coverage.png', 'pob-2023-24-h1-trends.png']);
    const coverage = links[0];
    expect(coverage.alt).toMatch(
      /^Heat map\. Activities serving each recommendation by Policy and Accountability Committee in April to September 2023, with the count written in each cell\. The largest count, \d+, is the /,
    );
    const { images } = drawings(await readFile(path.join(out, 'pob-2023-24-h1.docx')));
    expect(images.map((i) => i.name)).toContain('pob-2023-24-h1-coverage');
  });
});

describe('a council that turns charts off', () => {
  it('style.charts: false in council.yaml gives the same papers as --no-charts', async () => {
    const data = await copyToTemp(path.join(process.cwd(), 'data'), 'coprod-charts-off-');
    try {
      const council = path.join(data, 'council.yaml');
      const text = await readFile(council, 'utf8');
      expect(text).toContain('\n  style:\n');
      await writeFile(council, text.replace('\n  style:\n', '\n  style:\n    charts: false\n'));
      const off = path.join(dir, 'off');
      const flag = path.join(dir, 'flag');
      expect(spawnCli(['report', '--quarter', '2023/24-Q1', '--format', 'md', '--data', data, '--out', off]).code).toBe(
        0,
      );
      expect(spawnCli(['report', '--quarter', '2023/24-Q1', '--format', 'md', '--out', flag, '--no-charts']).code).toBe(
        0,
      );
      const names = (await readdir(off)).filter((f) => f.endsWith('.md')).sort();
      expect(names.length).toBeGreaterThan(0);
      expect((await readdir(off)).filter((f) => f.endsWith('.png'))).toEqual([]);
      for (const name of names)
        expect(await readFile(path.join(off, name), 'utf8')).toBe(await readFile(path.join(flag, name), 'utf8'));
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});

describe('the pack', () => {
  it('writes every chart beside its paper, and --check names a chart that is missing', async () => {
    const out = path.join(dir, 'pack');
    expect(spawnCli(['pack', '--half', '2023/24-H1', '--format', 'md', '--out', out]).code).toBe(0);
    const files = await readdir(out);
    const linked = (
      await Promise.all(
        files
          .filter((f) => f.endsWith('.md') && f !== 'index.md')
          .map(async (f) => imageLinks(await readFile(path.join(out, f), 'utf8'))),
      )
    ).flat();
    expect(linked.length).toBeGreaterThan(10);
    for (const link of linked) expect(files).toContain(link.file);
    expect(spawnCli(['pack', '--half', '2023/24-H1', '--format', 'md', '--out', out, '--check']).code).toBe(0);
    await rm(path.join(out, linked[0].file));
    const check = spawnCli(['pack', '--half', '2023/24-H1', '--format', 'md', '--out', out, '--check', '--json']);
    expect(check.code).toBe(1);
    const listed = (JSON.parse(check.stdout) as { files: { file: string; kind: string; status: string }[] }).files.find(
      (f) => f.file === linked[0].file,
    );
    expect(listed).toMatchObject({ kind: 'chart', status: 'missing' });
  });
});

describe('the second fixture council (a July year, six commitments)', () => {
  it('renders every paper with its charts', async () => {
    const data = path.join(FIXTURES, 'second-council');
    const out = path.join(dir, 'second');
    for (const half of ['2024/25-H1', '2024/25-H2']) {
      const run = spawnCli(['pack', '--half', half, '--data', data, '--format', 'all', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
    }
    const files = await readdir(out);
    const papers = files.filter((f) => f.endsWith('.md') && f !== 'index.md');
    expect(papers.length).toBeGreaterThan(4);
    for (const paper of papers) {
      const links = imageLinks(await readFile(path.join(out, paper), 'utf8'));
      expect(links.length, paper).toBeGreaterThanOrEqual(1);
      for (const link of links) {
        expect(files).toContain(link.file);
        expect(link.alt).toMatch(/\d/);
        expect(link.alt).not.toMatch(/Disabled People's Commission|Policy and Accountability|\bPAC\b/);
      }
      const { images } = drawings(await readFile(path.join(out, paper.replace(/\.md$/, '.docx'))));
      expect(images.length, paper).toBe(links.length);
    }
  });
});

describe('chart drawing', () => {
  it('is as wide as the Word text, with text at least the body size', () => {
    expect(DEFAULT_CHART_WIDTH).toBe(Math.floor(TEXT_WIDTH / 15));
    expect(PAGE.width).toBe(11906);
    expect(chartLayout(undefined)).toEqual({ width: DEFAULT_CHART_WIDTH, fontSize: 16 });
    expect(chartLayout(14).fontSize).toBeGreaterThanOrEqual((14 * 96) / 72);
  });

  it('gives SVG with role="img", a title and a description, and the same bytes twice', async () => {
    const dataset = await loadDataset(SAMPLE_COUNCIL);
    const lookup = buildLookup(dataset);
    const quarter = { year: 2023, number: 1 as const };
    const model = buildQuarterlyModel(dataset, quarter, 'economy-pac', {}, lookup);
    const summary = buildSummaryModel(dataset, { year: 2023, number: 1 }, {}, lookup);
    const charts = [
      ...quarterlyCharts(model, lookup, quarter, 'economy').all,
      ...summaryCharts(summary, lookup, { year: 2023, number: 1 }, 'pob').all,
    ];
    for (const chart of charts) {
      const layout = chartLayout(12, Math.floor(DEFAULT_CHART_WIDTH * (chart.share ?? 1)));
      const svg = await chartSvg(chart, layout);
      expect(await chartSvg(chart, layout)).toBe(svg);
      const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!;
      expect(root.getAttribute('role')).toBe('img');
      const [title, desc] = [root.getElementsByTagName('title')[0], root.getElementsByTagName('desc')[0]];
      expect(title.textContent).toBe(chart.title);
      expect(desc.textContent).toBe(chart.alt);
      expect(root.getAttribute('aria-labelledby')).toBe(`${title.getAttribute('id')} ${desc.getAttribute('id')}`);
      const [a, b] = [await drawChart(chart, layout), await drawChart(chart, layout)];
      expect(Buffer.compare(Buffer.from(a.png), Buffer.from(b.png))).toBe(0);
      // Drawn no wider than the room it has, so Word never shrinks its text.
      expect(a.width).toBeLessThanOrEqual(layout.width);
    }
    expect(drawWarnings).toEqual([]);
  }, 60_000);
});
