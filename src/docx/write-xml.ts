import type { BlockSpec, InlineSpec, ParagraphSpec, RunSpec, TableSpec } from './spec.js';
import { CELL_MARGINS, HEADER_SHADING, TABLE_BORDER } from './spec.js';
import { TEXT_WIDTH } from './style.js';

/**
 * Writes blocks (`spec.ts`) straight out as WordprocessingML, the very XML
 * docx writes for the same blocks, without building its objects: for a large
 * paper those take most of the time and memory of making its DOCX. Lists
 * and links are given ids numbered from 1 in the order they first appear;
 * `spliceDocument` renumbers them to the ids docx gave the document.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escapes text and attribute values as docx does: the five XML specials, and control characters XML cannot hold are dropped. */
export function escapeXml(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** docx keeps an external link's #fragment (up to 255 characters) as the hyperlink's anchor, apart from its address. */
function linkAnchor(url: string): string | undefined {
  const at = url.indexOf('#');
  const length = url.length - at - 1;
  return at > 0 && length > 0 && length <= 255 ? url.slice(at + 1) : undefined;
}

/** Local ids for lists and links, in the order they first appear. */
class Ids {
  private readonly lists = new Map<string, number>();
  private links = 0;

  list(reference: string, instance: number): number {
    const key = `${reference}\u0000${instance}`;
    let id = this.lists.get(key);
    if (id === undefined) this.lists.set(key, (id = this.lists.size + 1));
    return id;
  }

  link(): string {
    return `rIdLink${++this.links}`;
  }
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

function inline(spec: InlineSpec, ids: Ids): string {
  if (spec.kind === 'link') {
    const anchor = linkAnchor(spec.url);
    let out = `<w:hyperlink w:history="1"${anchor !== undefined ? ` w:anchor="${escapeXml(anchor)}"` : ''} r:id="${ids.link()}">`;
    for (const child of spec.children) out += inline(child, ids);
    return `${out}</w:hyperlink>`;
  }
  let out = `<w:r>${runProperties(spec)}`;
  if (spec.break) return `${out}<w:br/></w:r>`;
  for (const child of spec.children) out += typeof child === 'string' ? `<w:t xml:space="preserve">${escapeXml(child)}</w:t>` : '<w:tab/>';
  return `${out}</w:r>`;
}

function paragraphProperties(p: ParagraphSpec, ids: Ids): string {
  let out = '';
  if (p.heading !== undefined) out += `<w:pStyle w:val="Heading${p.heading}"/>`;
  else if (p.numbering) out += '<w:pStyle w:val="ListParagraph"/>';
  if (p.keepNext) out += '<w:keepNext/>';
  if (p.pageBreakBefore) out += '<w:pageBreakBefore/>';
  if (p.numbering) {
    const { reference, level, instance } = p.numbering;
    out += `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${ids.list(reference.reference, instance ?? 0)}"/></w:numPr>`;
  }
  if (p.thematicBreak) out += '<w:pBdr><w:bottom w:val="single" w:color="auto" w:sz="6" w:space="1"/></w:pBdr>';
  if (p.spacing) {
    const { after, before } = p.spacing;
    out += `<w:spacing${after !== undefined ? ` w:after="${after}"` : ''}${before !== undefined ? ` w:before="${before}"` : ''}/>`;
  }
  if (p.indent) {
    const { left, hanging } = p.indent;
    out += `<w:ind${left !== undefined ? ` w:left="${left}"` : ''}${hanging !== undefined ? ` w:hanging="${hanging}"` : ''}/>`;
  }
  if (p.alignment) out += `<w:jc w:val="${p.alignment}"/>`;
  return out === '' ? '' : `<w:pPr>${out}</w:pPr>`;
}

function paragraph(p: ParagraphSpec, ids: Ids): string {
  const properties = paragraphProperties(p, ids);
  if (properties === '' && p.children.length === 0) return '<w:p/>';
  let out = `<w:p>${properties}`;
  for (const child of p.children) out += inline(child, ids);
  return `${out}</w:p>`;
}

const BORDER = `w:val="${TABLE_BORDER.style}" w:color="${TABLE_BORDER.color}" w:sz="${TABLE_BORDER.size}"`;
const TABLE_PROPERTIES =
  `<w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>';
const CELL_MARGIN_XML = `<w:tcMar>${(['top', 'left', 'bottom', 'right'] as const).map((side) => `<w:${side} w:type="dxa" w:w="${CELL_MARGINS[side]}"/>`).join('')}</w:tcMar>`;
const SHADING_XML = `<w:shd w:fill="${HEADER_SHADING.fill}" w:color="${HEADER_SHADING.color}" w:val="${HEADER_SHADING.type}"/>`;

function table(t: TableSpec, ids: Ids): string {
  let out = `<w:tbl>${TABLE_PROPERTIES}<w:tblGrid>`;
  for (const width of t.widths) out += `<w:gridCol w:w="${width}"/>`;
  out += '</w:tblGrid>';
  for (const row of t.rows) {
    out += `<w:tr>${row.header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : ''}`;
    for (const cell of row.cells) {
      out += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>${row.header ? SHADING_XML : ''}${CELL_MARGIN_XML}</w:tcPr>${paragraph(cell.paragraph, ids)}</w:tc>`;
    }
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}

/** The XML of blocks, in order, with their lists and links numbered from 1. */
export function blocksToXml(blocks: readonly BlockSpec[]): string[] {
  const ids = new Ids();
  return blocks.map((b) => (b.kind === 'table' ? table(b, ids) : paragraph(b, ids)));
}
