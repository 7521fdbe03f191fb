import { describe, expect, it } from 'vitest';
import { DocxError, paperBlocks, paperDocx, paperDocxFromBlocks, prepareFrame } from '../../src/docx/convert.js';
import type { BlockSpec } from '../../src/docx/spec.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { wordParagraphs, xmlParts } from '../docx/read.js';

/**
 * Picture rows in Word, through the one writer: a run of paragraphs that
 * start with one of the paper's pictures is one table of rows; the
 * accessibility check lets a table without a header row through only when
 * every row starts with a picture and nothing else.
 */

const META: DocumentMeta = {
  title: 'Rows',
  subject: 'Testing',
  author: 'Test Borough',
  language: 'en-GB',
  shortTitle: 'Rows',
};
const PNG = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64'),
);
const IMAGES = new Map([
  ['people.png', { png: PNG, width: 72, height: 72 }],
  ['chart.png', { png: PNG, width: 200, height: 100 }],
]);

describe('picture rows in Word', () => {
  it('make one borderless table of a run of picture-first paragraphs, and leave other paragraphs alone', async () => {
    const frame = await prepareFrame({ easyRead: true }, 'Test Borough', 'en-GB');
    const markdown = [
      '# Title',
      '![A group of people](people.png) We met 3 times.',
      '![A group of people](people.png) You said:\\\nMore seats, please.',
      'A paragraph with no picture.',
      '![A chart](chart.png) ![A chart](chart.png)',
      '![A group of people](people.png) One more row.',
    ].join('\n\n');
    const blocks = paperBlocks(frame, markdown, IMAGES);
    expect(blocks.map((b) => (b.kind === 'table' ? `table:${b.layout}:${b.rows.length}` : 'p'))).toEqual([
      'p',
      'table:rows:2',
      'p',
      'p',
      'table:rows:1',
    ]);
    const docx = paperDocx(frame, { markdown, meta: META, name: 'rows.docx', images: IMAGES });
    const cells = wordParagraphs(xmlParts(docx).get('word/document.xml')!).filter((p) => p.cell);
    expect(cells.map((p) => [p.cell!.column, p.text])).toEqual([
      [0, ''],
      [1, 'We met 3 times.'],
      [0, ''],
      [1, 'You said:\nMore seats, please.'],
      [0, ''],
      [1, 'One more row.'],
    ]);
  });

  it('are refused by the accessibility check when a row of a headerless table does not start with a picture', async () => {
    const frame = await prepareFrame({ easyRead: true }, 'Test Borough', 'en-GB');
    const words = (text: string) => ({
      kind: 'paragraph' as const,
      children: [{ kind: 'run' as const, children: [text] }],
    });
    const table: BlockSpec = {
      kind: 'table',
      layout: 'rows',
      widths: [1417, 8221],
      rows: [
        {
          header: false,
          cells: [
            { width: 1417, paragraph: words('Not a picture') },
            { width: 8221, paragraph: words('Words') },
          ],
        },
      ],
    };
    let error: unknown;
    try {
      paperDocxFromBlocks(frame, META, 'bad.docx', [table]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocxError);
    expect((error as DocxError).code).toBe('table-without-header');
  });
});
