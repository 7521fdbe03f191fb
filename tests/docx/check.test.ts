import { describe, expect, it } from 'vitest';
import { checkDocx, DocxError, markdownToDocx, type DocxProblem } from '../../src/docx/convert.js';
import { EnvironmentError } from '../../src/errors.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { xmlParts } from './read.js';

const META: DocumentMeta = {
  title: 'Test paper',
  subject: 'Testing',
  author: 'London Borough of Riverside',
  language: 'en-GB',
  shortTitle: 'Test',
};
const PNG = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64'),
);

async function problem(run: () => Promise<unknown>): Promise<{ code: DocxProblem; message: string }> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocxError);
    expect(error).toBeInstanceOf(EnvironmentError);
    return { code: (error as DocxError).code, message: (error as DocxError).message };
  }
  throw new Error('expected the accessibility check to refuse the document');
}

describe('the accessibility check every DOCX passes before it is written', () => {
  const cases: {
    name: string;
    markdown: string;
    meta?: Partial<DocumentMeta>;
    style?: object;
    code: DocxProblem;
    says: RegExp;
  }[] = [
    {
      name: 'a heading that skips a level (H2 → H4)',
      markdown: '# T\n\n## A\n\n#### C\n',
      code: 'heading-skipped',
      says: /"C" is Heading 4 but follows a Heading 2/,
    },
    {
      name: 'a first heading that is not Heading 1',
      markdown: '## Starts low\n',
      code: 'heading-skipped',
      says: /"Starts low" is Heading 2 but is the first heading/,
    },
    {
      name: 'a table whose first row has no text',
      markdown: '# T\n\n|  |  |\n| --- | --- |\n| a | b |\n',
      code: 'table-without-header',
      says: /table 1 .* has no header row/,
    },
    { name: 'no title', markdown: '# T\n', meta: { title: ' ' }, code: 'no-title', says: /no title/ },
    { name: 'no language', markdown: '# T\n', meta: { language: '' }, code: 'no-language', says: /no language/ },
    {
      name: 'a heading colour too pale to read',
      markdown: '# T\n',
      style: { headingColour: 'FFD700' },
      code: 'low-contrast',
      says: /FFD700 has a contrast of 1\.4:1/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}, naming the document`, async () => {
      const found = await problem(() =>
        markdownToDocx(
          c.markdown,
          { ...META, ...c.meta },
          { name: 'bad-paper.docx', ...(c.style ? { style: c.style } : {}) },
        ),
      );
      expect(found.code).toBe(c.code);
      expect(found.message).toMatch(/^bad-paper\.docx was not written: /);
      expect(found.message).toMatch(c.says);
    });
  }

  it('refuses an image without alternative text', async () => {
    const logo = { data: PNG, type: 'png' as const, width: 20, height: 20, alt: '  ' };
    const found = await problem(() => markdownToDocx('# T\n', META, { name: 'bad-paper.docx', logo }));
    expect(found.code).toBe('image-without-alt-text');
  });

  it('accepts headings that go back up any number of levels', async () => {
    await expect(markdownToDocx('# T\n\n## A\n\n### B\n\n#### C\n\n## D\n\n### E\n', META)).resolves.toBeInstanceOf(
      Uint8Array,
    );
  });

  it('refuses a part that is not well-formed XML', async () => {
    const parts = xmlParts(await markdownToDocx('# T\n', META));
    parts.set('word/document.xml', parts.get('word/document.xml')!.replace('</w:body>', ''));
    expect(() => checkDocx(parts, 'broken.docx')).toThrow(/broken\.docx.*word\/document\.xml is not well-formed XML/);
  });
});
