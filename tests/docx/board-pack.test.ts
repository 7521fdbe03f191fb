import { describe, expect, it } from 'vitest';
import { boardPackDocx, paperBlocks, paperDocx, prepareFrame, type Frame } from '../../src/docx/convert.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { wordParagraphs, xmlParts } from './read.js';

const META: DocumentMeta = {
  title: 'Board pack',
  subject: 'Co-production',
  author: 'London Borough of Riverside',
  language: 'en-GB',
  shortTitle: 'Board pack, April to September 2023',
};

const paper = (n: number) => ({
  markdown: `# Paper ${n}\n\n## Summary\n\n1. first of paper ${n}\n2. second of paper ${n}\n\nSee [the council](https://www.example.org/${n}).\n\n| Heading | Value |\n| --- | --- |\n| a | ${n} |\n`,
  meta: { ...META, title: `Paper ${n}`, shortTitle: `Paper ${n}: quarterly update` },
  name: `paper-${n}.docx`,
});

/** Papers 1 and 2 as a pack takes them: their blocks, made once. */
const papersOf = (frame: Frame) =>
  [paper(1), paper(2)].map((p) => ({ meta: p.meta, blocks: paperBlocks(frame, p.markdown) }));

async function pack(pages: (number | undefined)[] = []): Promise<Map<string, string>> {
  const frame = await prepareFrame({ style: { font: 'Verdana', fontSize: 14 } }, META.author, META.language);
  return xmlParts(
    boardPackDocx(
      frame,
      { meta: META, cover: '# Board pack\n\nPapers for the meeting.\n', name: 'pack.docx', papers: papersOf(frame) },
      pages,
    ),
  );
}

describe('the combined Board pack', () => {
  it('is the same bytes twice, with the council style on the document defaults', async () => {
    const frame = await prepareFrame({ style: { font: 'Verdana', fontSize: 14 } }, META.author, META.language);
    const make = () =>
      boardPackDocx(frame, { meta: META, cover: '# Board pack\n', name: 'pack.docx', papers: papersOf(frame) });
    expect(make()).toEqual(make());
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(xmlParts(make()).get('word/styles.xml')!)![0];
    expect(defaults).toContain('w:ascii="Verdana"');
    expect(defaults).toContain('<w:sz w:val="28"/>');
  });

  it('gives the cover, the contents and each paper a section of its own, with a running head naming it', async () => {
    const parts = await pack();
    const document = parts.get('word/document.xml')!;
    expect(document.match(/<w:sectPr/g)).toHaveLength(4);
    const heads = [...parts]
      .filter(([name]) => /^word\/header-coprod\d+\.xml$/.test(name))
      .map(([, xml]) =>
        wordParagraphs(xml)
          .map((p) => p.text)
          .join(' / '),
      );
    expect(heads).toEqual([
      'London Borough of Riverside / Board pack, April to September 2023',
      'London Borough of Riverside / Board pack, April to September 2023',
      'London Borough of Riverside / Paper 1: quarterly update',
      'London Borough of Riverside / Paper 2: quarterly update',
    ]);
    expect(
      wordParagraphs(document)
        .filter((p) => p.style === 'Heading1')
        .map((p) => p.text),
    ).toEqual(['Board pack', 'Paper 1', 'Paper 2']);
  });

  it('lists every paper, not the cover, on the contents page as a link to its title, and asks Word to update no field', async () => {
    const parts = await pack();
    const document = parts.get('word/document.xml')!;
    const anchors = [...document.matchAll(/<w:hyperlink w:history="1" w:anchor="([^"]+)">/g)].map((m) => m[1]);
    expect(anchors).toEqual(['_Toc_coprod_paper_1', '_Toc_coprod_paper_2']);
    for (const anchor of anchors)
      expect(document).toMatch(new RegExp(`<w:bookmarkStart w:id="\\d+" w:name="${anchor}"/>`));
    expect(document).not.toContain('TOC \\');
    expect(document).not.toContain('w:fldChar');
    expect(parts.get('word/settings.xml')).not.toContain('updateFields');
  });

  it('writes the page where each paper begins after its contents entry, when given', async () => {
    const document = (await pack([3, 5])).get('word/document.xml')!;
    const contents = wordParagraphs(document)
      .filter((p) => p.text.startsWith('Paper ') && p.style === '')
      .map((p) => p.text);
    expect(contents).toEqual(['Paper 1\t3', 'Paper 2\t5']);
    expect(document).toContain('<w:tab w:val="right" w:leader="dot"');
  });

  it('numbers every list on its own and every link once, across the papers', async () => {
    const parts = await pack();
    const document = parts.get('word/document.xml')!;
    const numIds = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(numIds).toHaveLength(4);
    expect(new Set(numIds).size).toBe(2);
    const links = [...document.matchAll(/ r:id="(rIdCoprodLink\d+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['rIdCoprodLink1', 'rIdCoprodLink2']);
    const rels = parts.get('word/_rels/document.xml.rels')!;
    expect(rels).toContain('Target="https://www.example.org/1" TargetMode="External"');
    expect(rels).toContain('Target="https://www.example.org/2" TargetMode="External"');
  });

  it('writes each paper on its own the same way: one section, its running head', async () => {
    const frame = await prepareFrame({}, META.author, META.language);
    const parts = xmlParts(paperDocx(frame, paper(1)));
    expect(parts.get('word/document.xml')!.match(/<w:sectPr/g)).toHaveLength(1);
    expect(wordParagraphs(parts.get('word/header-coprod1.xml')!).map((p) => p.text)).toEqual([
      'London Borough of Riverside',
      'Paper 1: quarterly update',
    ]);
  });
});

describe('the cover of the pack', () => {
  it('is checked as any document: a cover whose heading skips a level is refused', async () => {
    const frame = await prepareFrame({}, META.author, META.language);
    expect(() =>
      boardPackDocx(frame, {
        meta: META,
        cover: '# Board pack\n\n### Skipped a level\n',
        name: 'pack.docx',
        papers: papersOf(frame),
      }),
    ).toThrow(/skip/i);
  });
});
