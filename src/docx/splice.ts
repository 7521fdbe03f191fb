import { ExternalHyperlink, Paragraph, TextRun, type FileChild } from 'docx';
import { listNumbering, markdownToBlocks, type BlockContext } from './blocks.js';
import type { DocumentWide, PaperFragment } from './paper.js';
import { DocxError } from './errors.js';

/**
 * A combined document is made in two steps. First docx builds its frame: the
 * cover and contents page, and for each paper a boundary, its first block
 * (starting a new page) and a stand-in paragraph for every Heading 1, list
 * and link in the rest of it, so that docx numbers them document-wide as if
 * the whole paper were there: the contents entries and their bookmarks, the
 * lists' numbering, the links' relationships. Then each paper's stand-ins are
 * replaced by the paper's own finished XML, renumbered to match them.
 */

/** A paragraph style no document uses: it marks where a paper's stand-ins begin and end. */
const BOUNDARY_STYLE = 'CoprodPaperBoundary';
const BOUNDARY = `<w:p><w:pPr><w:pStyle w:val="${BOUNDARY_STYLE}"/></w:pPr></w:p>`;

/** The paragraph that marks a boundary between papers' stand-ins. */
export function boundary(): Paragraph {
  return new Paragraph({ style: BOUNDARY_STYLE });
}

function standIn(wide: DocumentWide, ctx: BlockContext): FileChild[] {
  switch (wide.kind) {
    case 'heading':
      return markdownToBlocks({ type: 'root', children: [wide.node] }, ctx);
    case 'list':
      return [new Paragraph({ numbering: listNumbering(wide.list, 0, ctx) })];
    case 'link':
      return [new Paragraph({ children: [new ExternalHyperlink({ link: wide.url, children: [new TextRun(wide.url)] })] })];
  }
}

/** A stand-in paragraph for each Heading 1, list and link, in order. */
export function standIns(wide: readonly DocumentWide[], ctx: BlockContext): FileChild[] {
  const out: FileChild[] = [];
  // One by one: a large paper has more stand-ins than a call can take arguments.
  for (const each of wide) for (const block of standIn(each, ctx)) out.push(block);
  return out;
}

/** One paper's blocks in a pack's frame: its first block, starting a new page, then its stand-ins. */
export function packStandIns(fragment: PaperFragment, ctx: BlockContext): FileChild[] {
  const out = markdownToBlocks({ type: 'root', children: fragment.first ? [fragment.first] : [] }, ctx, { newPage: true });
  for (const block of standIns(fragment.wide, ctx)) out.push(block);
  return out;
}

function bug(detail: string): never {
  throw new DocxError('malformed-xml', `the combined Board pack could not be assembled (${detail}); this is a bug in coprod, please report it`);
}

/** What docx gave one paper's stand-ins: bookmarks for its Heading 1s, numbering ids for its lists, relationship ids for its links, in order. */
interface Numbered {
  bookmarks: { start: string; end: string }[];
  numIds: string[];
  linkIds: string[];
}

function numberedIn(standInXml: string): Numbered {
  const numIds: string[] = [];
  for (const m of standInXml.matchAll(/<w:numId w:val="(\d+)"\/>/g)) if (!numIds.includes(m[1]!)) numIds.push(m[1]!);
  const ends = [...standInXml.matchAll(/<w:bookmarkEnd [^>]*\/>/g)].map((m) => m[0]);
  const bookmarks = [...standInXml.matchAll(/<w:bookmarkStart [^>]*\/>/g)].map((m, i) => ({ start: m[0], end: ends[i] ?? bug('a bookmark without an end') }));
  const linkIds = [...standInXml.matchAll(/ r:id="([^"]+)"/g)].map((m) => m[1]!);
  return { bookmarks, numIds, linkIds };
}

/** A paper's XML renumbered to its stand-ins: list numbering, link relationships, and a bookmark round each Heading 1. */
function renumbered(xml: string, given: Numbered, bookmarks: boolean): string {
  const numIds = new Map<string, string>();
  let links = 0;
  const ids = xml.replace(/<w:numId w:val="(\d+)"\/>|( r:id=")([^"]+)"/g, (whole, numId: string | undefined, attr: string | undefined) => {
    if (attr) return `${attr}${given.linkIds[links++] ?? bug('more links than stand-ins')}"`;
    if (!numIds.has(numId!)) numIds.set(numId!, given.numIds[numIds.size] ?? bug('more lists than stand-ins'));
    return `<w:numId w:val="${numIds.get(numId!)!}"/>`;
  });
  if (!bookmarks) return ids;
  const pieces = ids.split('<w:pStyle w:val="Heading1"/>');
  if (pieces.length - 1 !== given.bookmarks.length) bug('Heading 1s and their stand-ins differ');
  return pieces
    .map((piece, i) => {
      if (i === 0) return piece;
      const { start, end } = given.bookmarks[i - 1]!;
      const afterProperties = piece.indexOf('</w:pPr>') + '</w:pPr>'.length;
      const paragraphEnd = piece.indexOf('</w:p>', afterProperties);
      return `<w:pStyle w:val="Heading1"/>${piece.slice(0, afterProperties)}${start}${piece.slice(afterProperties, paragraphEnd)}${end}${piece.slice(paragraphEnd)}`;
    })
    .join('');
}

/**
 * Replaces each paper's stand-ins in the frame's document XML with the
 * paper's own XML, and removes the boundaries. In a pack (`inPack`) each
 * paper's first block, made by the frame, is kept, and the paper's Heading
 * 1s get the bookmarks the contents page links to. Returns the document in
 * pieces, so that a large pack is never one string.
 */
export function spliceDocument(frame: string, fragments: readonly { xml: string }[], inPack: boolean): string[] {
  const at: number[] = [];
  for (let from = 0, found = frame.indexOf(BOUNDARY); found !== -1; found = frame.indexOf(BOUNDARY, from)) {
    at.push(found);
    from = found + BOUNDARY.length;
  }
  if (at.length !== fragments.length + 1) bug('the papers and their boundaries differ');
  const out = [frame.slice(0, at[0])];
  fragments.forEach((fragment, i) => {
    const region = frame.slice(at[i]! + BOUNDARY.length, at[i + 1]);
    const firstEnd = inPack ? region.indexOf('</w:p>') + '</w:p>'.length : 0;
    out.push(region.slice(0, firstEnd), renumbered(fragment.xml, numberedIn(region.slice(firstEnd)), inPack));
  });
  out.push(frame.slice(at[fragments.length]! + BOUNDARY.length));
  return out;
}
