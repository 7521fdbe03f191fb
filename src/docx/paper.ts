import type { Heading, Nodes, Root, RootContent } from 'mdast';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';
import { createBlockContext, listUse, markdownToSpecs, spacer, type ListUse } from './blocks.js';
import { buildDocument } from './document.js';
import { isExternal } from './inline.js';
import type { LogoImage } from './logo.js';
import { packParts, renderParts } from './pack.js';
import { parseMarkdown } from './parse.js';
import { boundary, spliceDocument, standIns } from './splice.js';
import { resolveStyle } from './style.js';
import { blocksToXml } from './write-xml.js';

/** Everything one paper's DOCX is made from: plain data, so it can be sent to a worker thread. */
export interface PaperJob {
  /** The paper's Markdown, or its tree when it is already parsed. */
  markdown: string | Root;
  meta: DocumentMeta;
  /** The file name, for error messages. */
  name: string;
  style?: CouncilStyle;
  logo?: LogoImage;
  sourceDateEpoch?: number;
  /** Also return the paper as it goes into a combined document (a Board pack). */
  fragment?: boolean;
}

/**
 * Something in a paper that a combined document numbers across all of its
 * papers: a Heading 1 (the contents page lists it and links to it), a list
 * (each numbered list counts on its own) or a link (a relationship of the
 * document).
 */
export type DocumentWide = { kind: 'heading'; node: Heading } | { kind: 'list'; list: ListUse } | { kind: 'link'; url: string };

/**
 * A paper as it goes into a combined document, taken from its own finished
 * DOCX: its first block as Markdown (the combined document makes it again,
 * starting a new page), the XML of the blocks after it, and what those
 * blocks hold that is numbered document-wide, in document order.
 */
export interface PaperFragment {
  /** The first block, when it is a heading or paragraph; otherwise the paper starts with an empty paragraph that starts the page. */
  first: RootContent | undefined;
  /** WordprocessingML of every block after the first. */
  xml: string;
  wide: DocumentWide[];
  /** The last block is a table (a document must then end with an empty paragraph). */
  endsWithTable: boolean;
}

export interface PaperResult {
  docx: Uint8Array;
  fragment?: PaperFragment;
}

/** Whether a block is made as a single paragraph, which can carry the page break itself. */
export function carriesPageBreak(node: RootContent | undefined): boolean {
  return node?.type === 'heading' || node?.type === 'paragraph';
}

/**
 * The Heading 1s, lists and external links in blocks, in the order their
 * Word paragraphs and hyperlinks are made; a Heading 1's own links come with it.
 */
export function documentWide(nodes: readonly RootContent[]): DocumentWide[] {
  const found: DocumentWide[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading' && node.depth === 1) return void found.push({ kind: 'heading', node });
    if (node.type === 'list') found.push({ kind: 'list', list: listUse(node) });
    if (node.type === 'link' && isExternal(node.url)) found.push({ kind: 'link', url: node.url });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  nodes.forEach(visit);
  return found;
}

/**
 * Converts one Markdown paper to DOCX bytes (throwing a DocxError when it
 * would fail the accessibility check) and, when asked, to a fragment for a
 * combined document. The paper's blocks are written straight out as XML;
 * docx builds only the document round them (styles, numbering, header and
 * footer, logo), from stand-ins for its lists and links (see `splice.ts`).
 */
export async function convertPaper(job: PaperJob): Promise<PaperResult> {
  const tree = typeof job.markdown === 'string' ? parseMarkdown(job.markdown) : job.markdown;
  const style = resolveStyle(job.style, job.meta.language);
  const blocks = markdownToSpecs(tree, createBlockContext(style));
  const xml = blocksToXml(blocks);
  const endsWithTable = blocks[blocks.length - 1]?.kind === 'table';

  const ctx = createBlockContext(style);
  const body = [boundary(), ...standIns(documentWide(tree.children), ctx), boundary()];
  // Word ends a document with a paragraph: a body that ends in a table, or is empty, gets an empty one.
  if (endsWithTable || (blocks.length === 0 && !job.logo)) body.push(spacer());
  const parts = await renderParts(buildDocument({ meta: job.meta, ctx, body, ...(job.logo ? { logo: job.logo } : {}) }));
  parts.xml.set('word/document.xml', spliceDocument(parts.xml.get('word/document.xml')!, [{ xml: xml.join('') }], false).join(''));
  const docx = packParts(parts, { name: job.name, ...(job.sourceDateEpoch !== undefined ? { sourceDateEpoch: job.sourceDateEpoch } : {}) });
  if (!job.fragment) return { docx };

  const [firstNode, ...rest] = tree.children;
  const first = carriesPageBreak(firstNode) ? firstNode : undefined;
  return { docx, fragment: { first, xml: (first ? xml.slice(1) : xml).join(''), wide: documentWide(first ? rest : tree.children), endsWithTable } };
}
