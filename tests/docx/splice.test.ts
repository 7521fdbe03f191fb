import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardPackDocx, boardPackFromMarkdown } from '../../src/docx/board-pack.js';
import { buildDocument, createBlockContext, markdownToBlocks, markdownToDocx, packDocx, resolveStyle } from '../../src/docx/convert.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { xmlParts } from './read.js';

const META: DocumentMeta = { title: 'Board pack', subject: 'Co-production', author: 'London Borough of Riverside', language: 'en-GB', shortTitle: 'Board pack' };
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64'));
const LOGO = { data: PNG, type: 'png' as const, width: 20, height: 20, alt: 'Council logo' };
const COVER = '# Board pack\n\nPapers for the meeting, see [the council](https://example.org/council).\n';

/** Blocks a paper may start with, hold and end with: every kind the mapping treats on its own. */
const BLOCKS = [
  '# A title with a [link](https://example.org/a#part) in it',
  '# Another Heading 1\n\n## A section under it',
  '2.1 A numbered paragraph, then one that lines up with it.',
  'A paragraph with a [link](https://example.org/b?x=1&y=2) and [another](mailto:clerk@example.org) and [a relative one](index.md).',
  '1. first\n2. second\n   - nested bullet\n   - with [a link](https://example.org/c)\n3. third',
  '3. starts at three\n4. four',
  '- a bullet\n- another',
  '| Heading | Value |\n| --- | --- |\n| [cell link](https://example.org/d) | 1 |',
  '> # A quoted Heading 1\n>\n> 1. a quoted list',
  '```\ncode\n```',
  '---',
  '<br>',
];

const paper = fc.array(fc.integer({ min: 0, max: BLOCKS.length - 1 }), { maxLength: 8 }).map((picks) => `${picks.map((i) => BLOCKS[i]).join('\n\n')}\n`);

/** Text with every character XML escapes, runs of formatting, tabs and breaks. */
const text = fc
  .array(fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", '*x*', '**y**', '`c`', '\t', '  \n', '<br>', '\u0007', ' '), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 10 })
  .map((parts) => parts.join('').replace(/^[\s#>|*+-]+/, ''));

/** One paper's DOCX built from docx objects: the reference the XML written straight out must match. */
async function fromObjects(markdown: string, logo: boolean): Promise<Uint8Array> {
  const ctx = createBlockContext(resolveStyle({ font: 'Verdana', fontSize: 13, headingColour: '1F3864' }, META.language));
  const body = markdownToBlocks(markdown, ctx);
  return packDocx(buildDocument({ meta: META, ctx, body, ...(logo ? { logo: LOGO } : {}) }), { name: 'paper.docx', sourceDateEpoch: 1700000000 });
}

describe('a paper whose blocks are written straight out as XML', () => {
  it('is byte-for-byte the DOCX built from docx objects', async () => {
    const value = fc.tuple(paper, text, fc.boolean()).map(([blocks, words, logo]) => ({ markdown: `${blocks}\n${words}\n\n| A | ${words.replace(/\|/g, '\\|')} |\n| --- | --- |\n| ${words.replace(/\|/g, '\\|')} | x |\n`, logo }));
    await fc.assert(
      fc.asyncProperty(value, async ({ markdown, logo }) => {
        const written = await markdownToDocx(markdown, META, { name: 'paper.docx', sourceDateEpoch: 1700000000, style: { font: 'Verdana', fontSize: 13, headingColour: '1F3864' }, ...(logo ? { logo: LOGO } : {}) });
        const built = await fromObjects(markdown, logo);
        const a = xmlParts(written);
        for (const [part, xml] of xmlParts(built)) expect(a.get(part), part).toBe(xml);
        expect(Buffer.from(written).equals(Buffer.from(built))).toBe(true);
      }),
      { seed: 20231101, numRuns: 80 },
    );
  }, 120_000);

  it('is the same for an empty paper, with and without a logo', async () => {
    for (const logo of [false, true]) {
      const written = await markdownToDocx('', META, { name: 'paper.docx', sourceDateEpoch: 1700000000, style: { font: 'Verdana', fontSize: 13, headingColour: '1F3864' }, ...(logo ? { logo: LOGO } : {}) });
      expect(Buffer.from(written).equals(Buffer.from(await fromObjects('', logo)))).toBe(true);
    }
  });
});

async function both(papers: string[], logo: boolean) {
  const input = {
    papers: papers.map((markdown, i) => ({ markdown, meta: { ...META, title: `Paper ${i + 1}` }, name: `paper-${i + 1}.docx` })),
    combined: { meta: META, cover: COVER, name: 'pack.docx' },
    sourceDateEpoch: 1700000000,
    ...(logo ? { logo: LOGO } : {}),
  };
  const spliced = await boardPackDocx(input);
  const built = await boardPackFromMarkdown({ ...input.combined, sourceDateEpoch: 1700000000, ...(logo ? { logo: LOGO } : {}) }, papers);
  return { spliced: spliced.combined!, built };
}

describe('the combined Board pack made from the papers\' finished XML', () => {
  it('is byte-for-byte the document built from all the papers\' Markdown at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paper, { minLength: 1, maxLength: 4 }), fc.boolean(), async (papers, logo) => {
        const { spliced, built } = await both(papers, logo);
        const a = xmlParts(spliced);
        const b = xmlParts(built);
        expect([...a.keys()]).toEqual([...b.keys()]);
        for (const [part, xml] of b) expect(a.get(part), part).toBe(xml);
        expect(Buffer.from(spliced).equals(Buffer.from(built))).toBe(true);
      }),
      { seed: 20231001, numRuns: 60 },
    );
  }, 120_000);

  it('keeps every paper\'s lists, links and contents entries', async () => {
    const papers = [BLOCKS.join('\n\n') + '\n', `${BLOCKS[8]}\n`, `${BLOCKS[5]}\n\n${BLOCKS[4]}\n`];
    const { spliced, built } = await both(papers, true);
    expect(Buffer.from(spliced).equals(Buffer.from(built))).toBe(true);
    const parts = xmlParts(spliced);
    const document = parts.get('word/document.xml')!;
    expect(document).not.toContain('CoprodPaperBoundary');
    expect(document.match(/PAGEREF _Toc\d+/g)).toHaveLength(document.match(/<w:bookmarkStart /g)!.length);
    const links = [...parts.get('word/_rels/document.xml.rels')!.matchAll(/TargetMode="External"/g)];
    expect(links.length).toBe(document.match(/<w:hyperlink [^>]*r:id=/g)!.length);
  });

  it('checks the frame as any document: a cover whose heading skips a level is refused', async () => {
    const input = { papers: [{ markdown: '# Paper\n', meta: META, name: 'paper.docx' }], combined: { meta: META, cover: '# Pack\n\n### Too deep\n', name: 'pack.docx' } };
    await expect(boardPackDocx(input)).rejects.toMatchObject({ code: 'heading-skipped', message: expect.stringMatching(/^pack\.docx was not written/) });
  });
});
