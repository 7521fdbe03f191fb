import { describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/convert.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { parseStrict, wordParagraphs, xmlParts } from './read.js';

const META: DocumentMeta = {
  title: 'Test paper',
  subject: 'Testing',
  author: 'London Borough of Riverside',
  language: 'en-GB',
  shortTitle: 'Test',
};

async function render(markdown: string, meta: DocumentMeta = META) {
  const parts = xmlParts(await markdownToDocx(markdown, meta, { name: 'test.docx' }));
  const document = parts.get('word/document.xml')!;
  return { parts, document, paragraphs: wordParagraphs(document) };
}

const SAMPLE = `# Title

## Section

### 1. Introduction

1.1 Numbered **paragraph** with *emphasis* and \`code\`.

Follow-on text.

2.1.3 **Title.** Deeper number.

#### Detail

A line\\
broken here, and a [link to the council](https://example.gov.uk/page) plus [](https://example.gov.uk/bare).

- first
  - nested
    1. deep ordered
- second

3. third
4. fourth

> quoted words

---

Text with <span>inline html</span> and ![a logo](logo.png) and ![](chart.png).

<div>block html</div>

| Name | Note |
| --- | ---: |
| A | one<br>two |
| B \\| C | three |
`;

describe('Markdown → Word mapping', () => {
  it('gives headings real Heading styles, level by level', async () => {
    const { paragraphs } = await render(SAMPLE);
    const headings = paragraphs.filter((p) => p.style.startsWith('Heading')).map((p) => [p.style, p.text]);
    expect(headings).toEqual([
      ['Heading1', 'Title'],
      ['Heading2', 'Section'],
      ['Heading3', '1. Introduction'],
      ['Heading4', 'Detail'],
    ]);
  });

  it('keeps legal numbers as text with a tab and a hanging indent, and lines up the paragraphs after them', async () => {
    const { paragraphs, document } = await render(SAMPLE);
    expect(paragraphs.map((p) => p.text)).toContain('1.1\tNumbered paragraph with emphasis and code.');
    expect(paragraphs.map((p) => p.text)).toContain('2.1.3\tTitle. Deeper number.');
    expect(document).toMatch(
      /<w:ind w:left="852" w:hanging="852"\/><\/w:pPr><w:r><w:t xml:space="preserve">1\.1<\/w:t><w:tab\/>/,
    );
    expect(document).toMatch(/<w:ind w:left="852"\/><\/w:pPr><w:r><w:t xml:space="preserve">Follow-on text\./);
  });

  it('maps strong, emphasis and code to run formatting', async () => {
    const { document } = await render(SAMPLE);
    expect(document).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">paragraph<\/w:t>/);
    expect(document).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">emphasis<\/w:t>/);
    expect(document).toMatch(/w:ascii="Courier New"[^>]*\/><\/w:rPr><w:t xml:space="preserve">code<\/w:t>/);
  });

  it('turns a hard break and <br> into real line breaks, not spaces', async () => {
    const { paragraphs } = await render(SAMPLE);
    expect(paragraphs.find((p) => p.text.startsWith('A line'))!.text).toMatch(/^A line\nbroken here/);
    expect(paragraphs.find((p) => p.cell && p.text.startsWith('one'))!.text).toBe('one\ntwo');
  });

  it('makes links external hyperlinks with their own text, or their address when they have none', async () => {
    const { document, parts } = await render(SAMPLE);
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const links = [...document.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>(.*?)<\/w:hyperlink>/g)];
    expect(links).toHaveLength(2);
    const texts = links.map((m) => [...m[2].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['link to the council', 'https://example.gov.uk/bare']);
    for (const link of links)
      expect(rels).toMatch(new RegExp(`Id="${link[1]}"[^>]*Target="https://example\\.gov\\.uk/`));
    expect(links[0][2]).toContain('<w:rStyle w:val="Hyperlink"/>');
  });

  it('makes lists real numbered and bulleted paragraphs, nested by level', async () => {
    const { document, parts } = await render(SAMPLE);
    const items = [
      ...document.matchAll(
        /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>.*?<w:t xml:space="preserve">([^<]*)<\/w:t>/g,
      ),
    ].map((m) => [Number(m[1]), m[3]]);
    expect(items).toEqual([
      [0, 'first'],
      [1, 'nested'],
      [2, 'deep ordered'],
      [0, 'second'],
      [0, 'third'],
      [0, 'fourth'],
    ]);
    const numbering = parts.get('word/numbering.xml')!;
    expect(numbering).toContain('w:val="bullet"');
    expect(numbering).toContain('w:val="decimal"');
    // "3. third" starts its list at 3.
    expect(numbering).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"\/><\/w:lvlOverride>/);
  });

  it('keeps the words of block quotes, rules, raw HTML and images rather than dropping them', async () => {
    const { paragraphs, document } = await render(SAMPLE);
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('quoted words');
    expect(texts).toContain('Text with <span>inline html</span> and a logo and chart.png.');
    expect(texts).toContain('<div>block html</div>');
    expect(document).toMatch(/<w:pBdr><w:bottom /);
  });

  it('makes tables with a repeating header row, fixed layout and widths in DXA that fill the text width', async () => {
    const { document, paragraphs } = await render(SAMPLE);
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(9638);
    expect(document).toContain('<w:tblW w:type="dxa" w:w="9638"/>');
    expect(document).toContain('<w:jc w:val="right"/>');
    const cells = paragraphs.filter((p) => p.cell).map((p) => p.text);
    expect(cells).toEqual(['Name', 'Note', 'A', 'one\ntwo', 'B | C', 'three']);
  });

  it('removes characters Word cannot store, so the file always opens', async () => {
    const { paragraphs, parts } = await render('# Title\n\nBell\u0007 and \uFFFE gone, tab\tkept\n');
    for (const xml of parts.values()) parseStrict(xml);
    expect(paragraphs[1].text).toBe('Bell and  gone, tab\tkept');
  });

  it('never justifies text and sets the body font, size and language on the document defaults', async () => {
    const { parts } = await render(SAMPLE);
    const styles = parts.get('word/styles.xml')!;
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)![0];
    expect(defaults).toMatch(/<w:rFonts w:ascii="Arial" [^>]*w:hAnsi="Arial"/);
    expect(defaults).toContain('<w:sz w:val="24"/>');
    expect(defaults).toMatch(/<w:lang w:val="en-GB"/);
    expect(styles + parts.get('word/document.xml')!).not.toMatch(/<w:jc w:val="both"/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/s);
  });
});
