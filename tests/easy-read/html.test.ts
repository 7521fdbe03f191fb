/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so this file sees the DOM's types.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, horizontalOverflow, openBrowser } from '../helpers/browser.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

/**
 * The Easy Read companions as web pages, in Debian's Chromium: axe-core's
 * WCAG 2.2 A and AA rules, reflow at 320 CSS pixels, text of at least
 * 1.25rem with 1.5 line spacing, and each row a picture (an SVG with
 * role="img" and its alternative text) on the left of its words, with no
 * layout table.
 */

let root: string;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const files: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'coprod-easy-read-html-'));
  const runs = [
    ['summary', '--half', '2023/24-H1', '--out', path.join(root, 'sample')],
    ['report', '--quarter', '2023/24-Q1', '--committee', 'economy-pac', '--out', path.join(root, 'sample')],
    [
      'summary',
      '--half',
      '2024/25-H1',
      '--data',
      path.join(FIXTURES, 'second-council'),
      '--out',
      path.join(root, 'second'),
    ],
    [
      'report',
      '--quarter',
      '2024/25-Q1',
      '--committee',
      'housing-panel',
      '--data',
      path.join(FIXTURES, 'second-council'),
      '--out',
      path.join(root, 'second'),
    ],
  ];
  for (const args of runs) {
    const result = await runCli([...args, '--easy-read', '--format', 'html']);
    expect(result.code, result.stderr).toBe(0);
  }
  for (const folder of ['sample', 'second'])
    for (const f of await readdir(path.join(root, folder)))
      if (f.endsWith('-easy-read.html')) files.push(path.join(root, folder, f));
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

describe('the Easy Read companions as web pages', () => {
  it('are written for the summary and the committee asked for, for both councils', () => {
    expect(files.map((f) => path.basename(f)).sort()).toEqual([
      'economy-pac-2023-24-q1-easy-read.html',
      'housing-panel-2024-25-q1-easy-read.html',
      'osc-2024-25-h1-easy-read.html',
      'pob-2023-24-h1-easy-read.html',
    ]);
  });

  it('pass axe-core (WCAG 2.2 A and AA) and do not scroll sideways at 320 CSS pixels', async () => {
    for (const file of files) {
      await open(file);
      expect(await axeViolations(page), file).toEqual([]);
      await open(file, 320);
      expect(await horizontalOverflow(page), file).toBe(0);
    }
  });

  it('set the words at 1.25rem or more with 1.5 line spacing, each row a labelled picture to the left of its words', async () => {
    for (const file of files) {
      await open(file);
      const found = await page.evaluate(() => {
        const rows = Array.from(document.querySelectorAll('main .picture-row'));
        return {
          tables: document.querySelectorAll('main table').length,
          rows: rows.map((row) => {
            const svg = row.querySelector('svg')!;
            const words = row.querySelector('p')!;
            const style = getComputedStyle(words);
            return {
              role: svg.getAttribute('role'),
              label: svg.getAttribute('aria-label') ?? '',
              pictureLeftOfWords: svg.getBoundingClientRect().right <= words.getBoundingClientRect().left,
              fontSize: parseFloat(style.fontSize),
              lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
              textAlign: style.textAlign,
            };
          }),
          paragraphsOutsideRows: document.querySelectorAll('main > p').length,
        };
      });
      expect(found.tables, file).toBe(0);
      expect(found.rows.length, file).toBeGreaterThan(15);
      expect(found.paragraphsOutsideRows, file).toBe(0);
      for (const row of found.rows) {
        expect(row.role).toBe('img');
        expect(row.label.trim()).not.toBe('');
        expect(row.pictureLeftOfWords).toBe(true);
        expect(row.fontSize).toBeGreaterThanOrEqual(20);
        expect(row.lineHeight).toBeCloseTo(1.5, 2);
        expect(['left', 'start']).toContain(row.textAlign);
      }
    }
  });
});
