import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { describe, expect, it } from 'vitest';
import { contrastRatio, withContrast } from '../../src/colour/contrast.js';
import { cssString } from '../../src/html/css.js';
import type { HtmlFrame } from '../../src/html/frame.js';
import { paperHtml } from '../../src/html/page.js';
import { shapePaper } from '../../src/html/structure.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { copyToTemp, FIXTURES, ROOT, runCli } from '../helpers/cli.js';

/** The HTML papers as trees and bytes, without a browser (tests/html/browser.test.ts opens them in one). */

const FRAME: HtmlFrame = {
  council: 'Test Borough',
  language: 'en-GB',
  look: { font: 'Arial', size: 12, headingColour: '1F3864' },
};
const meta = { title: 'A paper', language: 'en-GB' };

function shaped(markdown: string) {
  return shapePaper(toHast(parseMarkdown(markdown)) as Root, 'Fallback title');
}

function elements(node: { children?: unknown[] }, tag: string): Element[] {
  const found: Element[] = [];
  for (const child of (node.children ?? []) as Element[]) {
    if (child.type !== 'element') continue;
    if (child.tagName === tag) found.push(child);
    found.push(...elements(child, tag));
  }
  return found;
}

describe('the shape of a paper', () => {
  it('keeps exactly one h1: a later one becomes h2, and a paper with none gets its title', () => {
    const two = shaped('# First\n\ntext\n\n# Second\n\n## Third\n');
    expect(two.h1.children).toMatchObject([{ type: 'text', value: 'First' }]);
    expect(two.contents.map((c) => c.label)).toEqual(['Second', 'Third']);
    const none = shaped('## Only a section\n');
    expect(none.h1).toMatchObject({ tagName: 'h1', children: [{ type: 'text', value: 'Fallback title' }] });
  });

  it('lists h2 sections with their h3 sub-sections in the contents, with unique ids', () => {
    const parts = shaped('# T\n\n## Summary\n\n### 1. One\n\n### 1. One\n\n## Summary\n\n## Main\n');
    expect(parts.contents).toEqual([
      {
        id: 'summary',
        label: 'Summary',
        children: [
          { id: '1-one', label: '1. One', children: [] },
          { id: '1-one-2', label: '1. One', children: [] },
        ],
      },
      { id: 'summary-2', label: 'Summary', children: [] },
      // "main" is the page's own id.
      { id: 'main-2', label: 'Main', children: [] },
    ]);
  });

  it("captions a table with its lead-in paragraph (taken out of the text) or else its section's heading, hidden on screen", () => {
    const parts = shaped(
      '# T\n\n## Money\n\n2.4 What it cost:\n\n| Item | Pounds |\n| --- | --- |\n| Fees | 10 |\n\nAfter.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n',
    );
    const regions = parts.sections.filter((n): n is Element => n.type === 'element' && n.tagName === 'div');
    expect(regions.map((r) => r.properties)).toEqual([
      { className: ['table-region'], role: 'region', ariaLabel: '2.4 What it cost', tabIndex: 0 },
      { className: ['table-region'], role: 'region', ariaLabel: 'Money', tabIndex: 0 },
    ]);
    const captions = regions.map((r) => elements(r, 'caption')[0]);
    expect(captions.map((c) => [c.properties['className'], c.children])).toEqual([
      [undefined, [{ type: 'text', value: '2.4 What it cost' }]],
      [['visually-hidden'], [{ type: 'text', value: 'Money' }]],
    ]);
    expect(
      parts.sections.some(
        (n) => n.type === 'element' && n.tagName === 'p' && JSON.stringify(n).includes('What it cost'),
      ),
    ).toBe(false);
    const cells = elements(regions[0], 'th').map((th) => th.properties['scope']);
    expect(cells).toEqual(['col', 'col', 'row']);
  });
});

describe('the page', () => {
  it('is the same bytes for the same paper, with the language, the title, one stylesheet and no script', () => {
    const markdown = '# A paper\n\n## Summary\n\nText.\n';
    const html = paperHtml(FRAME, { markdown, meta });
    expect(paperHtml(FRAME, { markdown, meta })).toBe(html);
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>A paper</title>');
    expect(html.split('</style>')).toHaveLength(2);
    expect(html).not.toContain('<script');
  });

  it('drops raw HTML in the Markdown rather than passing it through', () => {
    const html = paperHtml(FRAME, { markdown: '# T\n\n<script>alert(1)</script>\n\n<b onclick="x()">b</b>\n', meta });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onclick');
  });

  it('writes any font name as one CSS string: it can never close the string, the rule or the style element', () => {
    fc.assert(
      fc.property(fc.string(), (font) => {
        const html = paperHtml({ ...FRAME, look: { ...FRAME.look, font } }, { markdown: '# T\n', meta });
        expect(html.split('</style>')).toHaveLength(2);
        const literal = cssString(font);
        expect(literal.slice(1, -1)).not.toMatch(/["'<>\\n;{}]/.source.includes('\\') ? /["<>\n;{}]/ : /x^/);
      }),
      { seed: 15, numRuns: 300 },
    );
    expect(cssString('Open Sans')).toBe('"Open Sans"');
    expect(cssString('A"</style>')).toBe('"A\\22 \\3c \\2f style\\3e "');
  });
});

describe('colour contrast', () => {
  it('keeps a colour that reads on white, and darkens one that does not to the lightest of its hue that does', () => {
    expect(withContrast('1F3864')).toBe('1F3864');
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    const darker = withContrast('9AA0A6');
    expect(contrastRatio(darker, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(darker, 'FFFFFF')).toBeLessThan(4.7);
  });

  it('always gives 4.5:1 on white, for any colour (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const hex = n.toString(16).padStart(6, '0').toUpperCase();
        const out = withContrast(hex);
        expect(contrastRatio(out, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
        if (contrastRatio(hex, 'FFFFFF') >= 4.5) expect(out).toBe(hex);
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});

describe('coprod report --format html', () => {
  it("writes the same bytes twice, with the council's logo inline and its alternative text", async () => {
    const data = await copyToTemp(path.join(ROOT, 'data'));
    await copyFile(path.join(FIXTURES, 'docx-logo', 'logo.png'), path.join(data, 'logo.png'));
    const council = path.join(data, 'council.yaml');
    await writeFile(
      council,
      (await readFile(council, 'utf8')).replace(
        '    headingColour: 1F3864\n',
        '    headingColour: 1F3864\n    logo:\n      path: logo.png\n      alt: Riverside council logo\n',
      ),
    );
    const outs = [
      await mkdtemp(path.join(tmpdir(), 'coprod-html-a-')),
      await mkdtemp(path.join(tmpdir(), 'coprod-html-b-')),
    ];
    for (const out of outs) {
      const result = await runCli([
        'report',
        '--quarter',
        '2023/24-Q1',
        '--committee',
        'economy-pac',
        '--format',
        'html',
        '--data',
        data,
        '--out',
        out,
      ]);
      expect(result.code, result.stderr).toBe(0);
    }
    const names = (await readdir(outs[0])).filter((f) => !f.startsWith('.'));
    expect(names).toEqual(['economy-pac-2023-24-q1.html']);
    const [a, b] = await Promise.all(outs.map((o) => readFile(path.join(o, names[0]))));
    expect(a.equals(b)).toBe(true);
    expect(a.toString()).toContain('<img src="data:image/png;base64,');
    expect(a.toString()).toContain('alt="Riverside council logo"');
  });
});
