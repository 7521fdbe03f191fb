import type { FileChild } from 'docx';
import { buildDocument, checkDocx, contentsBlocks, createBlockContext, markdownToBlocks, packDocx, packParts, parseMarkdown, renderParts, resolveStyle, type LogoImage } from './convert.js';
import { convertPaper, type PaperFragment, type PaperJob, type PaperResult } from './paper.js';
import { boundary, packStandIns, spliceDocument } from './splice.js';
import { spacer } from './blocks.js';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';

/** The combined Board pack document: a cover page, a contents page, then every paper. */
export interface BoardPackInput {
  meta: DocumentMeta;
  /** The cover page, as Markdown rendered from the `pack-cover` template. */
  cover: string;
  /** The file name, for error messages. */
  name: string;
  style?: CouncilStyle;
  logo?: LogoImage;
  sourceDateEpoch?: number;
}

/** The cover and the contents page: the contents list the paper titles only, as every paper has the same section headings below them. */
function front(input: BoardPackInput, ctx: ReturnType<typeof createBlockContext>): FileChild[] {
  return [...markdownToBlocks(input.cover, ctx), ...markdownToBlocks('## Contents\n', ctx, { newPage: true }), ...contentsBlocks('1-1')];
}

function packOptions(input: BoardPackInput) {
  return { name: input.name, ...(input.sourceDateEpoch !== undefined ? { sourceDateEpoch: input.sourceDateEpoch } : {}) };
}

/**
 * The combined Board pack from each paper's finished XML (see `convertPaper`
 * and `spliceDocument`): a cover page, a contents page listing every paper,
 * then each paper from a new page, with "Page X of Y" running through. Word
 * fills in the contents page's page numbers when it opens the pack. The
 * papers' Word objects are never built a second time.
 */
export async function boardPackFromFragments(input: BoardPackInput, fragments: readonly PaperFragment[]): Promise<Uint8Array> {
  const ctx = createBlockContext(resolveStyle(input.style, input.meta.language));
  const body = front(input, ctx);
  for (const fragment of fragments) {
    body.push(boundary());
    for (const block of packStandIns(fragment, ctx)) body.push(block);
  }
  body.push(boundary());
  // Word ends a document with a paragraph: a pack whose last paper ends in a table gets an empty one.
  if (fragments.at(-1)?.endsWithTable) body.push(spacer());
  const doc = buildDocument({ meta: input.meta, ctx, body, ...(input.logo ? { logo: input.logo } : {}) });
  const parts = await renderParts(doc);
  // The frame is checked as any document is. Each paper's XML passed the check in its own document, where its first
  // heading had to be a Heading 1, so no heading can skip a level where it joins the pack; splicing only renumbers
  // lists, links and bookmarks. So the whole pack, which can run to a hundred megabytes, is not read a second time.
  checkDocx(parts.xml, input.name);
  parts.xml.set('word/document.xml', spliceDocument(parts.xml.get('word/document.xml')!, fragments, true).join(''));
  return packParts(parts, { ...packOptions(input), checked: true });
}

/**
 * The combined Board pack built from every paper's Markdown as one set of
 * Word objects. With `pageNumbers` the page of each paper is written on the
 * contents page, which is slow: it lays out every line of every paper.
 */
export async function boardPackFromMarkdown(input: BoardPackInput, papers: readonly string[], options: { pageNumbers?: boolean } = {}): Promise<Uint8Array> {
  const ctx = createBlockContext(resolveStyle(input.style, input.meta.language));
  const body = front(input, ctx);
  // One by one, not push(...list): a large paper has more blocks than a call can take arguments.
  for (const markdown of papers) for (const block of markdownToBlocks(parseMarkdown(markdown), ctx, { newPage: true })) body.push(block);
  const pageNumbers = options.pageNumbers ? (await import('docx/layout')).estimatePageNumbers : undefined;
  const doc = buildDocument({ meta: input.meta, ctx, body, ...(pageNumbers ? { pageNumbers } : {}), ...(input.logo ? { logo: input.logo } : {}) });
  return packDocx(doc, packOptions(input));
}

/** One paper of a pack. */
export interface PackPaper {
  markdown: string;
  meta: DocumentMeta;
  /** File name of the paper's own DOCX, for error messages. */
  name: string;
}

/** Converts papers, in order: one after another here, or in worker threads (`src/docx/pool.ts`). */
export type ConvertPapers = (jobs: readonly PaperJob[]) => Promise<PaperResult[]>;

/** Converts papers one after another in this thread. */
export async function convertInThread(jobs: readonly PaperJob[]): Promise<PaperResult[]> {
  const results: PaperResult[] = [];
  for (const job of jobs) results.push(await convertPaper(job));
  return results;
}

/** The combined Board pack, less what every document of the pack shares. */
export type CombinedInput = Omit<BoardPackInput, 'style' | 'logo' | 'sourceDateEpoch'> & { estimatePages?: boolean };

/** What every document of a pack shares: the council's style and logo, and SOURCE_DATE_EPOCH. */
export interface PackSettings {
  style?: CouncilStyle;
  logo?: LogoImage;
  sourceDateEpoch?: number;
}

/** The job for one paper of a pack; its fragment is kept for the combined pack unless that is laid out from the Markdown. */
export function paperJob(paper: PackPaper, settings: PackSettings, combined: 'fragments' | 'markdown' | 'none'): PaperJob {
  return { markdown: paper.markdown, meta: paper.meta, name: paper.name, ...shared(settings), fragment: combined === 'fragments' };
}

function shared(settings: PackSettings): PackSettings {
  return { ...(settings.style ? { style: settings.style } : {}), ...(settings.logo ? { logo: settings.logo } : {}), ...(settings.sourceDateEpoch !== undefined ? { sourceDateEpoch: settings.sourceDateEpoch } : {}) };
}

/**
 * The combined Board pack from its papers' conversions: spliced from their
 * fragments, or with `estimatePages` built again from their Markdown, to lay
 * it out.
 */
export async function combinedPackDocx(combined: CombinedInput, settings: PackSettings, papers: readonly { markdown: string; result: PaperResult }[]): Promise<Uint8Array> {
  const { estimatePages, ...rest } = combined;
  const whole = { ...rest, ...shared(settings) };
  if (estimatePages) return boardPackFromMarkdown(whole, papers.map((p) => p.markdown), { pageNumbers: true });
  return boardPackFromFragments(whole, papers.map((p) => p.result.fragment!));
}

/**
 * The Word documents of a Board pack: each paper's own DOCX and, when asked,
 * the combined document holding the whole pack. Each paper's Markdown is
 * parsed and mapped once, for both.
 */
export async function boardPackDocx(
  input: { papers: readonly PackPaper[]; combined?: CombinedInput } & PackSettings,
  convert: ConvertPapers = convertInThread,
): Promise<{ papers: Uint8Array[]; combined?: Uint8Array }> {
  const mode = !input.combined ? 'none' : input.combined.estimatePages ? 'markdown' : 'fragments';
  const results = await convert(input.papers.map((p) => paperJob(p, input, mode)));
  const papers = results.map((r) => r.docx);
  if (!input.combined) return { papers };
  return { papers, combined: await combinedPackDocx(input.combined, input, input.papers.map((p, i) => ({ markdown: p.markdown, result: results[i]! }))) };
}
