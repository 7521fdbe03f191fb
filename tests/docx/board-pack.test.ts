import { describe, expect, it } from 'vitest';
import { buildDocument, contentsBlocks, createBlockContext, markdownToBlocks, packDocx, resolveStyle } from '../../src/docx/convert.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { wordParagraphs, xmlParts } from './read.js';

const META: DocumentMeta = { title: 'Board pack', subject: 'Co-production', author: 'London Borough of Riverside', language: 'en-GB', shortTitle: 'Board pack' };

const paper = (n: number) => `# Paper ${n}\n\n## Summary\n\n1. first of paper ${n}\n2. second of paper ${n}\n\n| Heading | Value |\n| --- | --- |\n| a | ${n} |\n`;

/** A cover, a contents page and two papers, each on a new page, in one document. */
async function pack(): Promise<Uint8Array> {
  const ctx = createBlockContext(resolveStyle({ font: 'Verdana', fontSize: 14 }, META.language));
  const body = [
    ...markdownToBlocks('# Board pack\n\nPapers for the meeting.\n', ctx),
    ...markdownToBlocks('| Contents |\n| --- |\n| below |\n', ctx, { newPage: true }),
    ...contentsBlocks(),
    ...markdownToBlocks(paper(1), ctx, { newPage: true }),
    ...markdownToBlocks(paper(2), ctx, { newPage: true }),
  ];
  return packDocx(buildDocument({ meta: META, ctx, body }), { name: 'pack.docx' });
}

describe('a combined document (the future Board pack) from several papers', () => {
  it('puts each paper on a new page after a contents page, with one numbering per list', async () => {
    const bytes = await pack();
    expect(await pack(), 'a second pack in the same process is byte-identical').toEqual(bytes);
    const parts = xmlParts(bytes);
    const document = parts.get('word/document.xml')!;
    // Paper headings carry the page break themselves; a paper that starts with a table gets an empty paragraph that does.
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);
    expect(document).toMatch(/<w:pageBreakBefore\/><\/w:pPr>(<w:bookmarkStart [^>]*>)?<w:r><w:t xml:space="preserve">Paper 1</);
    expect(document).toContain('TOC \\h');
    expect(parts.get('word/settings.xml')).toMatch(/<w:updateFields( w:val="true")?\/>/);
    const numIds = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(numIds).toHaveLength(4);
    expect(new Set(numIds).size).toBe(2);
    const headings = wordParagraphs(document).filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(['Board pack', 'Paper 1', 'Paper 2']);
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(parts.get('word/styles.xml')!)![0];
    expect(defaults).toContain('w:ascii="Verdana"');
    expect(defaults).toContain('<w:sz w:val="28"/>');
  });
});
