/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so these files see the DOM's types.
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';
import { axeViolations, horizontalOverflow, openBrowser, tabOrder } from '../helpers/browser.js';

/**
 * The HTML papers in a real browser (Debian's Chromium, headless, one for
 * this file): the sample's Board pack for 2023/24-H1 and its index, and every
 * paper of the second council, checked with axe-core's WCAG 2.2 A and AA
 * rules, by keyboard, and at 320 CSS pixels wide (what 400% zoom gives on a
 * 1280-pixel screen).
 */

let root: string;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const sample: string[] = [];
const second: string[] = [];

async function pack(data: string, half: string, out: string): Promise<string[]> {
  const result = await runCli(['pack', '--half', half, '--format', 'html', '--data', data, '--out', out, '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return (await readdir(out))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => path.join(out, f));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'coprod-html-'));
  sample.push(...(await pack(path.join(ROOT, 'data'), '2023/24-H1', path.join(root, 'sample'))));
  for (const half of ['2024/25-H1', '2024/25-H2'])
    second.push(...(await pack(path.join(FIXTURES, 'second-council'), half, path.join(root, half.replace('/', '-')))));
  browser = await openBrowser();
  page = await browser.browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

async function open(file: string, width = 1280): Promise<void> {
  await page.setViewport({ width, height: 900 });
  await page.goto(pathToFileURL(file).href);
}

const name = (file: string) => path.relative(root, file);

describe('the sample Board pack as HTML (coprod pack --half 2023/24-H1 --format html)', () => {
  it('has the summary, the ten quarterly updates and the index', () => {
    expect(sample.map((f) => path.basename(f))).toContain('index.html');
    expect(sample).toHaveLength(12);
  });

  it('axe-core finds no WCAG 2.2 A or AA violation on any paper or the index', async () => {
    const found: Record<string, unknown> = {};
    for (const file of sample) {
      await open(file);
      const violations = await axeViolations(page);
      if (violations.length > 0) found[name(file)] = violations;
    }
    expect(found).toEqual({});
  });

  it('no page scrolls sideways at 320 CSS pixels; wide tables scroll in their own region instead', async () => {
    const overflow: Record<string, number> = {};
    for (const file of sample) {
      await open(file, 320);
      const by = await horizontalOverflow(page);
      if (by > 0) overflow[name(file)] = by;
    }
    expect(overflow).toEqual({});
    // The summary's coverage table (ten columns) is wider than the screen: its region scrolls, labelled and focusable.
    await open(
      sample.find((f) => path.basename(f).startsWith('pob-'))!,
      320,
    );
    const scrolling = await page.$$eval('.table-region', (regions) =>
      regions
        .filter((r) => r.scrollWidth > r.clientWidth)
        .map((r) => ({
          role: r.getAttribute('role'),
          label: r.getAttribute('aria-label'),
          tabindex: r.getAttribute('tabindex'),
        })),
    );
    expect(scrolling.length).toBeGreaterThan(0);
    for (const region of scrolling)
      expect(region).toMatchObject({ role: 'region', tabindex: '0', label: expect.stringMatching(/\w/) });
  });

  it("a wide table's caption wraps within the screen at 320 pixels and stays in view as the table scrolls", async () => {
    const cut: Record<string, unknown> = {};
    let checked = 0;
    for (const file of [...sample, ...second]) {
      await open(file, 320);
      const captions = await page.$$eval('.table-region', (regions) =>
        regions
          .filter((r) => r.scrollWidth > r.clientWidth)
          .map((r) => [r, r.querySelector('caption:not(.visually-hidden)')] as const)
          .filter(([, c]) => c !== null)
          .map(([r, c]) => {
            const before = c!.getBoundingClientRect();
            r.scrollLeft = r.scrollWidth;
            const after = c!.getBoundingClientRect();
            r.scrollLeft = 0;
            return {
              text: c!.textContent,
              right: before.right,
              leftScrolled: after.left,
              regionLeft: r.getBoundingClientRect().left,
            };
          }),
      );
      checked += captions.length;
      const wrong = captions.filter((c) => c.right > 320 || Math.abs(c.leftScrolled - c.regionLeft) > 1);
      if (wrong.length > 0) cut[name(file)] = wrong;
    }
    expect(checked).toBeGreaterThan(0);
    expect(cut).toEqual({});
  });

  it('every link on every page is reached by the Tab key, the skip link first, and it moves focus to the paper', async () => {
    for (const file of sample) {
      await open(file);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      const order = await tabOrder(page);
      expect(order[0], name(file)).toBe('#main');
      expect(
        links.filter((href) => !order.includes(href)),
        name(file),
      ).toEqual([]);
      await open(file);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id), name(file)).toBe('main');
    }
  });

  it('each page has its language, a title, one h1, the landmarks, captioned tables with scoped headers, and no script', async () => {
    for (const file of sample) {
      await open(file);
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        h1: document.querySelectorAll('h1').length,
        landmarks: ['body > a.skip-link', 'header', 'main', 'footer'].map((s) => document.querySelectorAll(s).length),
        tables: document.querySelectorAll('table').length,
        captioned: document.querySelectorAll('table > caption').length,
        unscoped: document.querySelectorAll('th:not([scope])').length,
        scripts: document.querySelectorAll('script').length,
        outside: Array.from(document.querySelectorAll('[src], [href]'))
          .map((e) => e.getAttribute('src') ?? e.getAttribute('href')!)
          .filter((u) => /^[a-z]+:/i.test(u) && !u.startsWith('data:')),
      }));
      expect(facts, name(file)).toMatchObject({
        lang: 'en-GB',
        h1: 1,
        landmarks: [1, 1, 1, 1],
        unscoped: 0,
        scripts: 0,
        outside: [],
      });
      expect(facts.title.length).toBeGreaterThan(10);
      expect(facts.captioned).toBe(facts.tables);
      if (!file.endsWith('index.html'))
        expect(await page.$$('nav[aria-labelledby="contents"] a'), name(file)).not.toHaveLength(0);
    }
  });

  it('index.html links every paper by a relative link', async () => {
    const index = sample.find((f) => f.endsWith('index.html'))!;
    await open(index);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
    const papers = sample.filter((f) => f !== index).map((f) => path.basename(f));
    expect(papers.filter((p) => !hrefs.includes(p))).toEqual([]);
    expect(hrefs.filter((h) => h.includes(':') || h.startsWith('/') || h.includes('..'))).toEqual([]);
  });

  it('prints on A4: the print stylesheet lays a paper out on A4 pages', async () => {
    await open(sample[0]);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 portrait is 595 × 842 points (210 × 297 mm); Chromium writes each page's size as its MediaBox.
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(boxes.length).toBeGreaterThan(1);
    // Within a point: Chromium sizes the page in whole CSS pixels.
    for (const [width, height] of boxes)
      expect([Math.abs(width - 595.3) < 1, Math.abs(height - 841.9) < 1]).toEqual([true, true]);
  });
});

describe('every paper of the second council as HTML', () => {
  it("renders both halves: the Commission's summaries and every Panel's updates", () => {
    // Per half: the summary, 3 Panels × 2 quarters, and the index.
    expect(second).toHaveLength(2 * 8);
  });

  it('axe-core finds no WCAG 2.2 A or AA violation, and no page scrolls sideways at 320 pixels', async () => {
    const found: Record<string, unknown> = {};
    for (const file of second) {
      await open(file, 320);
      const violations = await axeViolations(page);
      const overflow = await horizontalOverflow(page);
      if (violations.length > 0 || overflow > 0) found[name(file)] = { violations, overflow };
    }
    expect(found).toEqual({});
  });

  it("uses the council's font and heading colour", async () => {
    await open(second[0]);
    const look = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      colour: getComputedStyle(document.querySelector('h1')!).color,
    }));
    expect(look.font).toMatch(/^"?Verdana"?,/);
    expect(look.colour).toBe('rgb(0, 89, 79)');
    expect(await readFile(second[0], 'utf8')).toContain('<html lang="en-GB">');
  });
});
