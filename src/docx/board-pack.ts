import type { DocumentMeta } from '../model/common.js';
import { checkDocx } from './check.js';
import { assembleParts, zipDocx, type Section } from './assemble.js';
import { createBlockContext, markdownToBlocks } from './blocks.js';
import { assembleInput, logoBlock, type Frame } from './paper.js';
import { TAB, type BlockSpec, type InlineSpec, type ParagraphSpec } from './spec.js';
import { textRuns } from './inline.js';

/** The combined Board pack: a cover page, a contents page, then every paper. */
export interface BoardPackInput {
  meta: DocumentMeta;
  /** The cover page, as Markdown rendered from the `pack-cover` template. */
  cover: string;
  /** The file name, for messages. */
  name: string;
  papers: readonly PackPaper[];
}

/** A paper of the pack: its blocks (as written into its own document) and what names it. */
export interface PackPaper {
  meta: DocumentMeta;
  blocks: readonly BlockSpec[];
}

/** The bookmark on a paper's title that its contents entry links to. */
function bookmarkOf(index: number): string {
  return `_Toc_coprod_paper_${index + 1}`;
}

/** The contents page: each paper's title as a link to its first page, with that page's number when it is known. */
function contentsBlocks(
  frame: Frame,
  papers: readonly PackPaper[],
  pages: readonly (number | undefined)[],
): BlockSpec[] {
  const heading: ParagraphSpec = { kind: 'paragraph', heading: 2, children: textRuns('Contents', {}) };
  const entries = papers.map((paper, i): ParagraphSpec => {
    const page = pages[i];
    const link: InlineSpec = {
      kind: 'link',
      anchor: bookmarkOf(i),
      children: textRuns(paper.meta.title, { link: true }),
    };
    return {
      kind: 'paragraph',
      rightTab: frame.template.textWidth,
      spacing: { after: 120 },
      children: page === undefined ? [link] : [link, { kind: 'run', children: [TAB, String(page)] }],
    };
  });
  return [heading, ...entries];
}

/**
 * The combined Board pack: the cover (with the logo), a contents page that
 * links to every paper (and, given `pages`, says where each begins), then
 * every paper in its own section, starting a new page with a running head
 * naming it. Every paper is written once, into this document, by the same
 * writer as its own DOCX.
 */
export function boardPackDocx(
  frame: Frame,
  input: BoardPackInput,
  pages: readonly (number | undefined)[] = [],
): Uint8Array {
  const ctx = createBlockContext(frame.style, frame.template.textWidth);
  const cover: Section = {
    blocks: [...(frame.logo ? [logoBlock(frame.logo)] : []), ...markdownToBlocks(input.cover, ctx)],
    runningHead: input.meta.shortTitle,
  };
  const contents: Section = { blocks: contentsBlocks(frame, input.papers, pages), runningHead: input.meta.shortTitle };
  // The cover and contents are checked as any document is. Each paper's blocks passed the check in its own
  // document, where they are the same, so the whole pack, which can run to a hundred megabytes, is not read again.
  checkDocx(assembleParts(assembleInput(frame, input.meta, [cover, contents], input.name)).xml, input.name);
  const papers = input.papers.map((paper, i): Section => {
    const first = paper.blocks.findIndex((b) => b.kind === 'paragraph' && b.heading === 1);
    const blocks =
      first < 0
        ? paper.blocks
        : paper.blocks.map((b, j) => (j === first ? { ...(b as ParagraphSpec), bookmark: bookmarkOf(i) } : b));
    return { blocks, runningHead: paper.meta.shortTitle };
  });
  return zipDocx(
    assembleParts(assembleInput(frame, input.meta, [cover, contents, ...papers], input.name)),
    input.name,
    true,
  );
}
