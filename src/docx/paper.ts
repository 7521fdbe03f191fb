import type { Heading, Nodes, RootContent } from 'mdast';
import { Table } from 'docx';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';
import { createBlockContext, listUse, markdownToBlocks, type ListUse } from './blocks.js';
import { buildDocument } from './document.js';
import { isExternal } from './inline.js';
import type { LogoImage } from './logo.js';
import { packParts, renderParts } from './pack.js';
import { parseMarkdown } from './parse.js';
import { resolveStyle } from './style.js';

/** Everything one paper's DOCX is made from: plain data, so it can be sent to a worker thread. */
export interface PaperJob {
  markdown: string;
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

/** Skips `count` whole paragraphs from `at` (none of ours holds another); returns where the next block starts. */
function skipParagraphs(xml: string, at: number, count: number): number {
  let end = at;
  for (let i = 0; i < count; i++) end = xml.indexOf('</w:p>', end) + '</w:p>'.length;
  return end;
}

/**
 * Converts one Markdown paper to DOCX bytes (throwing a DocxError when it
 * would fail the accessibility check) and, when asked, to a fragment for a
 * combined document, so the paper's Word objects are built only once.
 */
export async function convertPaper(job: PaperJob): Promise<PaperResult> {
  const tree = parseMarkdown(job.markdown);
  const ctx = createBlockContext(resolveStyle(job.style, job.meta.language));
  const body = markdownToBlocks(tree, ctx);
  const endsWithTable = body[body.length - 1] instanceof Table;
  // buildDocument ends such a body, or an empty one, with an empty paragraph.
  const closing = endsWithTable || (body.length === 0 && !job.logo);
  const parts = await renderParts(buildDocument({ meta: job.meta, ctx, body, ...(job.logo ? { logo: job.logo } : {}) }));
  const docx = packParts(parts, { name: job.name, ...(job.sourceDateEpoch !== undefined ? { sourceDateEpoch: job.sourceDateEpoch } : {}) });
  if (!job.fragment) return { docx };

  const xml = parts.xml.get('word/document.xml')!;
  const [firstNode, ...rest] = tree.children;
  const first = carriesPageBreak(firstNode) ? firstNode : undefined;
  const start = skipParagraphs(xml, xml.indexOf('<w:body>') + '<w:body>'.length, (job.logo ? 1 : 0) + (first ? 1 : 0));
  const sectPr = xml.lastIndexOf('<w:sectPr');
  const end = closing ? xml.lastIndexOf('<w:p>', sectPr) : sectPr;
  return { docx, fragment: { first, xml: xml.slice(start, end), wide: documentWide(first ? rest : tree.children), endsWithTable } };
}
