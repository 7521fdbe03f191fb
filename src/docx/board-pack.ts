import { buildDocument, contentsBlocks, createBlockContext, markdownToBlocks, markdownToDocx, packDocx, parseMarkdown, resolveStyle, type LogoImage } from './convert.js';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';

/** One paper of a pack. */
export interface PackPaper {
  markdown: string;
  meta: DocumentMeta;
  /** File name of the paper's own DOCX, for error messages. */
  name: string;
}

export interface BoardPackInput {
  papers: readonly PackPaper[];
  /** Write a DOCX for each paper. */
  perPaper: boolean;
  /** Also write one combined document: a cover page, a contents page, then every paper. */
  combined?: {
    meta: DocumentMeta;
    /** The cover page, as Markdown rendered from the `pack-cover` template. */
    cover: string;
    name: string;
    /**
     * Lay the document out to write page numbers on the contents page. Slow
     * (it measures every line of every paper); without it the contents page
     * lists every paper and Word fills in the pages when it opens the pack.
     */
    estimatePages?: boolean;
  };
  style?: CouncilStyle;
  logo?: LogoImage;
  sourceDateEpoch?: number;
}

/**
 * The Word documents of a Board pack: each paper's own DOCX and one combined
 * document holding the whole pack (a cover page, a contents page listing
 * every paper, with its page when `estimatePages` is set, then each paper
 * from a new page, with "Page X of Y" running through). Each paper's
 * Markdown is parsed once and serves both.
 */
export async function boardPackDocx(input: BoardPackInput): Promise<{ papers: Uint8Array[]; combined?: Uint8Array }> {
  const { combined } = input;
  const shared = { ...(input.style ? { style: input.style } : {}), ...(input.logo ? { logo: input.logo } : {}), ...(input.sourceDateEpoch !== undefined ? { sourceDateEpoch: input.sourceDateEpoch } : {}) };
  const ctx = combined ? createBlockContext(resolveStyle(input.style, combined.meta.language)) : undefined;
  const body = ctx && combined
    ? [
        ...markdownToBlocks(combined.cover, ctx),
        ...markdownToBlocks('## Contents\n', ctx, { newPage: true }),
        // Paper titles only: every paper has the same section headings below them.
        ...contentsBlocks('1-1'),
      ]
    : [];
  const papers: Uint8Array[] = [];
  for (const paper of input.papers) {
    const tree = parseMarkdown(paper.markdown);
    if (input.perPaper) papers.push(await markdownToDocx(tree, paper.meta, { ...shared, name: paper.name }));
    // One by one, not push(...list): a large paper has more blocks than a call can take arguments.
    if (ctx) for (const block of markdownToBlocks(tree, ctx, { newPage: true })) body.push(block);
  }
  if (!ctx || !combined) return { papers };
  const pageNumbers = combined.estimatePages ? (await import('docx/layout')).estimatePageNumbers : undefined;
  const doc = buildDocument({ meta: combined.meta, ctx, body, ...(pageNumbers ? { pageNumbers } : {}), ...(input.logo ? { logo: input.logo } : {}) });
  const bytes = await packDocx(doc, { name: combined.name, ...(input.sourceDateEpoch !== undefined ? { sourceDateEpoch: input.sourceDateEpoch } : {}) });
  return { papers, combined: bytes };
}
