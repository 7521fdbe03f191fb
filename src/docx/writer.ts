import type { BlockSpec, ImageSpec, InlineSpec, NumberingSpec, ParagraphSpec, RunSpec, TableSpec } from './spec.js';
import { CELL_MARGINS, HEADER_SHADING, NO_BREAK_HYPHEN, ROW_CELL_MARGINS, TABLE_BORDER } from './spec.js';

/**
 * The one writer: blocks (`spec.ts`) to WordprocessingML. Whatever a document
 * numbers across itself (list instances, hyperlink and image relationships,
 * bookmarks, drawing ids) is handed out by one `Ids` for the whole document,
 * so a Board pack writes each paper into it in turn and nothing is
 * renumbered afterwards.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escapes text and attribute values: the five XML specials; control characters XML cannot hold are dropped. */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is matched
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** An external link's #fragment (up to 255 characters) is also kept as the hyperlink's anchor, as Word does. */
function linkAnchor(url: string): string | undefined {
  const at = url.indexOf('#');
  const length = url.length - at - 1;
  return at > 0 && length > 0 && length <= 255 ? url.slice(at + 1) : undefined;
}

/** A numbered list instance the document's numbering part must define. */
export interface ListInstance {
  numId: number;
  list: NumberingSpec['list'];
  start: number;
}

/** Everything a document numbers across itself, handed out in the order the writer meets it. */
export class Ids {
  readonly lists: ListInstance[] = [];
  readonly links: { id: string; url: string }[] = [];
  readonly images: { id: string; name: string; data: Uint8Array }[] = [];
  private readonly listKeys = new Map<string, number>();
  private bookmarks = 0;
  private drawings = 0;

  /** `firstNumId`: the numbering ids a template already uses end below it. */
  constructor(private readonly firstNumId = 1) {}

  /** The section being written: list instances are counted per section, so the same blocks can go into several documents. */
  section = 0;

  list(spec: NumberingSpec): number {
    const key = `${this.section}\u0000${spec.list}\u0000${spec.instance}`;
    let id = this.listKeys.get(key);
    if (id === undefined) {
      id = this.firstNumId + this.lists.length;
      this.listKeys.set(key, id);
      this.lists.push({ numId: id, list: spec.list, start: spec.start });
    }
    return id;
  }

  link(url: string): string {
    const id = `rIdCoprodLink${this.links.length + 1}`;
    this.links.push({ id, url });
    return id;
  }

  /** The relationship of each image's bytes already in the document. */
  private readonly imageIds = new Map<Uint8Array, string>();

  /** An image's relationship and drawing number: the same bytes, shown again (an Easy Read picture, the logo on each paper of a pack), are stored once. */
  image(image: ImageSpec): { id: string; drawing: number } {
    let id = this.imageIds.get(image.data);
    if (id === undefined) {
      id = `rIdCoprodImage${this.images.length + 1}`;
      this.images.push({
        id,
        name: `media/coprod-image${this.images.length + 1}.${image.type === 'jpg' ? 'jpeg' : 'png'}`,
        data: image.data,
      });
      this.imageIds.set(image.data, id);
    }
    return { id, drawing: ++this.drawings };
  }

  bookmark(): number {
    return ++this.bookmarks;
  }
}

/** What a document's tables are written with: its text width, and its table style when the template has one. */
export interface WriteOptions {
  textWidth: number;
  tableStyle?: string;
}

function runProperties(run: RunSpec): string {
  let out = '';
  if (run.style) out += `<w:rStyle w:val="${escapeXml(run.style)}"/>`;
  if (run.font) {
    const f = escapeXml(run.font);
    out += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
  }
  if (run.bold) out += '<w:b/><w:bCs/>';
  if (run.italics) out += '<w:i/><w:iCs/>';
  return out === '' ? '' : `<w:rPr>${out}</w:rPr>`;
}

/** EMU per pixel at 96 to the inch. */
const EMU = 9525;

function image(spec: ImageSpec, ids: Ids): string {
  const { id, drawing } = ids.image(spec);
  const [cx, cy] = [spec.width * EMU, spec.height * EMU];
  const alt = escapeXml(spec.alt);
  const title = spec.title !== undefined ? escapeXml(spec.title) : alt;
  return (
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${drawing}" name="${escapeXml(spec.name)}" descr="${alt}" title="${title}"/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${drawing}" name="${escapeXml(spec.name)}" descr="${alt}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}

/** Text as w:t, with each non-breaking hyphen as Word's w:noBreakHyphen. */
function textXml(text: string): string {
  return text
    .split(NO_BREAK_HYPHEN)
    .map((piece) => (piece === '' ? '' : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`))
    .join('<w:noBreakHyphen/>');
}

function inline(spec: InlineSpec, ids: Ids): string {
  if (spec.kind === 'image') return image(spec, ids);
  if (spec.kind === 'link') {
    let out: string;
    if (spec.url !== undefined) {
      const anchor = linkAnchor(spec.url);
      out = `<w:hyperlink w:history="1"${anchor !== undefined ? ` w:anchor="${escapeXml(anchor)}"` : ''} r:id="${ids.link(spec.url)}">`;
    } else {
      out = `<w:hyperlink w:history="1" w:anchor="${escapeXml(spec.anchor ?? '')}">`;
    }
    for (const child of spec.children) out += inline(child, ids);
    return `${out}</w:hyperlink>`;
  }
  let out = `<w:r>${runProperties(spec)}`;
  if (spec.break) return `${out}<w:br/></w:r>`;
  for (const child of spec.children) out += typeof child === 'string' ? textXml(child) : '<w:tab/>';
  return `${out}</w:r>`;
}

function paragraphProperties(p: ParagraphSpec, ids: Ids, sectPr: string): string {
  let out = '';
  if (p.heading !== undefined) out += `<w:pStyle w:val="Heading${p.heading}"/>`;
  else if (p.numbering) out += '<w:pStyle w:val="ListParagraph"/>';
  if (p.keepNext) out += '<w:keepNext/>';
  if (p.pageBreakBefore) out += '<w:pageBreakBefore/>';
  if (p.numbering)
    out += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${ids.list(p.numbering)}"/></w:numPr>`;
  if (p.thematicBreak) out += '<w:pBdr><w:bottom w:val="single" w:color="auto" w:sz="6" w:space="1"/></w:pBdr>';
  if (p.rightTab !== undefined) out += `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${p.rightTab}"/></w:tabs>`;
  if (p.spacing) {
    const { after, before } = p.spacing;
    out += `<w:spacing${after !== undefined ? ` w:after="${after}"` : ''}${before !== undefined ? ` w:before="${before}"` : ''}/>`;
  }
  if (p.indent) {
    const { left, hanging } = p.indent;
    out += `<w:ind${left !== undefined ? ` w:left="${left}"` : ''}${hanging !== undefined ? ` w:hanging="${hanging}"` : ''}/>`;
  }
  if (p.alignment) out += `<w:jc w:val="${p.alignment}"/>`;
  out += sectPr;
  return out === '' ? '' : `<w:pPr>${out}</w:pPr>`;
}

function paragraph(p: ParagraphSpec, ids: Ids, sectPr = ''): string {
  const properties = paragraphProperties(p, ids, sectPr);
  if (properties === '' && p.children.length === 0) return '<w:p/>';
  let out = `<w:p>${properties}`;
  let bookmark: number | undefined;
  if (p.bookmark !== undefined) {
    bookmark = ids.bookmark();
    out += `<w:bookmarkStart w:id="${bookmark}" w:name="${escapeXml(p.bookmark)}"/>`;
  }
  for (const child of p.children) out += inline(child, ids);
  if (bookmark !== undefined) out += `<w:bookmarkEnd w:id="${bookmark}"/>`;
  return `${out}</w:p>`;
}

const BORDER = `w:val="${TABLE_BORDER.style}" w:color="${TABLE_BORDER.color}" w:sz="${TABLE_BORDER.size}"`;
const marginXml = (margins: typeof CELL_MARGINS) =>
  `<w:tcMar>${(['top', 'left', 'bottom', 'right'] as const).map((side) => `<w:${side} w:type="dxa" w:w="${margins[side]}"/>`).join('')}</w:tcMar>`;
const CELL_MARGIN_XML = marginXml(CELL_MARGINS);
const ROW_CELL_XML = `${marginXml(ROW_CELL_MARGINS)}<w:vAlign w:val="center"/>`;
const NO_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="nil"/>`)
  .join('');
const SHADING_XML = `<w:shd w:val="${HEADER_SHADING.type}" w:color="${HEADER_SHADING.color}" w:fill="${HEADER_SHADING.fill}"/>`;

function tableProperties(options: WriteOptions): string {
  const look =
    '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>';
  if (options.tableStyle)
    return `<w:tblPr><w:tblStyle w:val="${escapeXml(options.tableStyle)}"/><w:tblW w:type="dxa" w:w="${options.textWidth}"/><w:tblLayout w:type="fixed"/>${look}</w:tblPr>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} ${BORDER}/>`)
    .join('');
  return `<w:tblPr><w:tblW w:type="dxa" w:w="${options.textWidth}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>${look}</w:tblPr>`;
}

/** Picture rows: a layout, not data, so no borders, no header row and no table style. */
function rowsProperties(options: WriteOptions): string {
  return `<w:tblPr><w:tblW w:type="dxa" w:w="${options.textWidth}"/><w:tblBorders>${NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
}

function table(t: TableSpec, ids: Ids, options: WriteOptions): string {
  if (t.layout === 'rows') return pictureRows(t, ids, options);
  let out = `<w:tbl>${tableProperties(options)}<w:tblGrid>`;
  for (const width of t.widths) out += `<w:gridCol w:w="${width}"/>`;
  out += '</w:tblGrid>';
  for (const row of t.rows) {
    // The header row repeats on every page and never splits; body rows may break across pages under it.
    out += `<w:tr>${row.header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : ''}`;
    for (const cell of row.cells) {
      const shading = row.header && !options.tableStyle ? SHADING_XML : '';
      out += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>${shading}${CELL_MARGIN_XML}</w:tcPr>${paragraph(cell.paragraph, ids)}</w:tc>`;
    }
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}

/** Rows of a picture beside words, each kept on one page. */
function pictureRows(t: TableSpec, ids: Ids, options: WriteOptions): string {
  let out = `<w:tbl>${rowsProperties(options)}<w:tblGrid>`;
  for (const width of t.widths) out += `<w:gridCol w:w="${width}"/>`;
  out += '</w:tblGrid>';
  for (const row of t.rows) {
    out += '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (const cell of row.cells)
      out += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>${ROW_CELL_XML}</w:tcPr>${paragraph(cell.paragraph, ids)}</w:tc>`;
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}

/**
 * The WordprocessingML of some blocks. `sectPr`, when given, ends a section
 * with the last block: it goes in that paragraph's properties, or in an
 * empty paragraph after a final table.
 */
export function writeBlocks(blocks: readonly BlockSpec[], ids: Ids, options: WriteOptions, sectPr = ''): string {
  let out = '';
  blocks.forEach((block, i) => {
    const last = i === blocks.length - 1;
    if (block.kind === 'table') out += table(block, ids, options);
    else out += paragraph(block, ids, last ? sectPr : '');
  });
  const lastBlock = blocks[blocks.length - 1];
  // Word ends a body (and a section) with a paragraph: after a table, a small empty one.
  if (!lastBlock || lastBlock.kind === 'table')
    out +=
      sectPr === '' && lastBlock === undefined
        ? ''
        : `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>${sectPr}</w:pPr></w:p>`;
  return out;
}
