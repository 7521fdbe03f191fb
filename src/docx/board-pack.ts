import { buildDocument, contentsBlocks, createBlockContext, markdownToBlocks, packDocx, resolveStyle, type LogoImage } from './convert.js';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';

export interface BoardPackInput {
  meta: DocumentMeta;
  /** The cover page, as Markdown rendered from the `pack-cover` template. */
  cover: string;
  /** Each paper's Markdown, in pack order. */
  papers: readonly string[];
  style?: CouncilStyle;
  logo?: LogoImage;
  sourceDateEpoch?: number;
  name: string;
  /**
   * Lay the document out to write page numbers on the contents page. Slow
   * (it measures every line of every paper); without it the contents page
   * lists every paper and Word fills in the pages when it opens the pack.
   */
  estimatePages?: boolean;
}

/**
 * One Word document holding the whole pack: a cover page, a contents page
 * listing every paper (with its page when `estimatePages` is set), then each
 * paper from a new page, with "Page X of Y" running through. Made from the
 * very Markdown of the papers.
 */
export async function boardPackDocx(input: BoardPackInput): Promise<Uint8Array> {
  const ctx = createBlockContext(resolveStyle(input.style, input.meta.language));
  const body = [
    ...markdownToBlocks(input.cover, ctx),
    ...markdownToBlocks('## Contents\n', ctx, { newPage: true }),
    // Paper titles only: every paper has the same section headings below them.
    ...contentsBlocks('1-1'),
    ...input.papers.flatMap((markdown) => markdownToBlocks(markdown, ctx, { newPage: true })),
  ];
  const pageNumbers = input.estimatePages ? (await import('docx/layout')).estimatePageNumbers : undefined;
  const doc = buildDocument({ meta: input.meta, ctx, body, ...(pageNumbers ? { pageNumbers } : {}), ...(input.logo ? { logo: input.logo } : {}) });
  return packDocx(doc, { name: input.name, ...(input.sourceDateEpoch !== undefined ? { sourceDateEpoch: input.sourceDateEpoch } : {}) });
}
