import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  PageNumber,
  Paragraph,
  Table,
  TableOfContents,
  TextRun,
  type FileChild,
  type PageNumberEstimator,
} from 'docx';
import type { DocumentMeta } from '../model/common.js';
import { spacer, type BlockContext } from './blocks.js';
import type { LogoImage } from './logo.js';
import { BULLET_LIST } from './numbering.js';
import { documentStyles, halfPoints, PAGE, type ResolvedStyle } from './style.js';
import { wordSafe } from './text.js';

/** Everything one Word document is made from. */
export interface DocumentInput {
  /** Title, subject and author go in the document properties; the author (the council) and short title in the page header. */
  meta: DocumentMeta;
  /** The context the body's blocks were made with (it carries the style). */
  ctx: BlockContext;
  /** The body: one paper's blocks, or several papers' blocks and a contents page. */
  body: readonly FileChild[];
  /** Placed at the top of the first page. */
  logo?: LogoImage;
  /** Works out page numbers for a contents page (docx's `estimatePageNumbers`, from `docx/layout`). */
  pageNumbers?: PageNumberEstimator;
}

const HEADER_COLOUR = '404040';

/** Running heads are two points smaller than the body (never below 10 point) so the long short titles of committee papers fit. */
function runningHeadSize(style: ResolvedStyle): number {
  return halfPoints(Math.max(10, style.size - 2));
}

function header(meta: DocumentMeta, style: ResolvedStyle): Header {
  const run = { size: runningHeadSize(style), color: HEADER_COLOUR };
  return new Header({
    children: [
      new Paragraph({
        spacing: { after: 0, line: 240 },
        children: [new TextRun({ ...run, bold: true, text: wordSafe(meta.author) }), new TextRun({ ...run, break: 1, text: wordSafe(meta.shortTitle) })],
      }),
    ],
  });
}

function footer(style: ResolvedStyle): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { after: 0, line: 240 },
        children: [new TextRun({ size: runningHeadSize(style), color: HEADER_COLOUR, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

function logoParagraph(logo: LogoImage): Paragraph {
  return new Paragraph({
    spacing: { after: 240 },
    children: [
      new ImageRun({
        type: logo.type,
        data: logo.data,
        transformation: { width: logo.width, height: logo.height },
        altText: { name: 'Logo', title: wordSafe(logo.alt), description: wordSafe(logo.alt) },
      }),
    ],
  });
}

/**
 * A contents page for a combined document (a Board pack), listing the
 * headings of the given levels (`'1-3'`, or `'1-1'` for paper titles only).
 * It is written with an entry for each heading; with a page-number estimator
 * on the document the pages are filled in too, otherwise Word fills them in
 * when it updates the field on opening.
 */
export function contentsBlocks(levels = '1-3'): FileChild[] {
  return [new TableOfContents('Contents', { hyperlink: true, headingStyleRange: levels })];
}

/**
 * Builds the Word document: A4 pages with the council and short title in the
 * header and "Page X of Y" in the footer, the council's styles, the logo (if
 * any) at the top of the first page, then the body.
 */
export function buildDocument(input: DocumentInput): Document {
  const { meta, ctx, logo } = input;
  const style = ctx.style;
  const body = [...(logo ? [logoParagraph(logo)] : []), ...input.body];
  // Word ends a document with a paragraph; one ending in a table gets an empty one.
  if (body[body.length - 1] instanceof Table || body.length === 0) body.push(spacer());
  const hasContents = input.body.some((block) => block instanceof TableOfContents);
  return new Document({
    title: wordSafe(meta.title),
    subject: wordSafe(meta.subject),
    creator: wordSafe(meta.author),
    lastModifiedBy: wordSafe(meta.author),
    revision: 1,
    styles: documentStyles(style),
    numbering: { config: [BULLET_LIST] },
    ...(hasContents && !input.pageNumbers ? { features: { updateFields: true } } : {}),
    ...(input.pageNumbers ? { pageNumbers: input.pageNumbers } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: PAGE.header, footer: PAGE.footer },
          },
        },
        headers: { default: header(meta, style) },
        footers: { default: footer(style) },
        children: body,
      },
    ],
  });
}
