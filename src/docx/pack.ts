import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { checkDocx } from './check.js';
import { coreTimestamp, zipEntryTime } from './dates.js';

/** How a document is packed. */
export interface PackOptions {
  /** The file name, for error messages. */
  name: string;
  /** Seconds since 1970 for the created and modified dates; without it, the document carries none. */
  sourceDateEpoch?: number;
  /** The parts have already passed the accessibility check, as they were put together (a combined Board pack). */
  checked?: boolean;
}

/** Parts to decode, check and normalise; media and other binary parts pass through untouched. */
const XML_PART = /\.(xml|rels)$/;

/**
 * The created and modified dates are the build date when SOURCE_DATE_EPOCH
 * gives one; otherwise they are left out (they are optional), rather than
 * claiming a date the document was not made on. Word fills them in when the
 * clerk saves the document.
 */
function normaliseCore(xml: string, sourceDateEpoch: number | undefined): string {
  const dates = /<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g;
  if (sourceDateEpoch === undefined) return xml.replace(dates, '');
  const stamp = coreTimestamp(sourceDateEpoch);
  return xml.replace(dates, (_m, which: string) => `<dcterms:${which} xsi:type="dcterms:W3CDTF">${stamp}</dcterms:${which}>`);
}

/**
 * docx names hyperlink relationships with random ids; they are renamed in the
 * order they are listed, in the relationships part and in the part using them.
 */
function normaliseRelationshipIds(parts: Map<string, string>): void {
  for (const [relsPath, rels] of parts) {
    const match = /^(.*)_rels\/([^/]+)\.rels$/.exec(relsPath);
    if (!match) continue;
    const target = `${match[1]}${match[2]}`;
    let count = 0;
    const renames = new Map<string, string>();
    const fixed = rels.replace(/ Id="([^"]+)"/g, (whole, id: string) => {
      if (/^rId\d+$/.test(id)) return whole;
      const next = `rIdLink${++count}`;
      renames.set(id, next);
      return ` Id="${next}"`;
    });
    if (renames.size === 0) continue;
    parts.set(relsPath, fixed);
    const content = parts.get(target);
    if (content !== undefined) parts.set(target, content.replace(/ r:id="([^"]+)"/g, (whole, id: string) => (renames.has(id) ? ` r:id="${renames.get(id)!}"` : whole)));
  }
}

/** Drawing ids come from a counter shared by the whole process; they are renumbered 1, 2, … in each document. */
function normaliseDrawingIds(parts: Map<string, string>): void {
  let next = 0;
  for (const [path, xml] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!path.startsWith('word/') || !xml.includes('<wp:docPr ')) continue;
    parts.set(path, xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++next}"`));
  }
}

/**
 * Bookmark ids (and the `_Toc` names headings get for a contents page) also
 * come from a process-wide counter; they are renumbered 1, 2, … in the order
 * the bookmarks appear, everywhere they are used.
 */
function normaliseBookmarks(parts: Map<string, string>): void {
  const ids = new Map<string, string>();
  for (const [path, xml] of parts) {
    if (!path.startsWith('word/')) continue;
    for (const m of xml.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, String(ids.size + 1));
  }
  if (ids.size === 0) return;
  for (const [path, xml] of parts) {
    if (!path.startsWith('word/')) continue;
    parts.set(
      path,
      xml
        .replace(/(<w:bookmark(?:Start|End) [^>]*w:id=")(\d+)"/g, (whole, head: string, id: string) => (ids.has(id) ? `${head}${ids.get(id)!}"` : whole))
        .replace(/_Toc(\d+)\b/g, (whole, id: string) => (ids.has(id) ? `_Toc${ids.get(id)!}` : whole)),
    );
  }
}

/** Word's own documents record the language for the theme fonts in the settings too. */
function settingsLanguage(xml: string, language: string | undefined): string {
  if (!language || xml.includes('<w:themeFontLang')) return xml;
  return xml.replace('</w:compat>', `</w:compat><w:themeFontLang w:val="${language}"/>`);
}

function languageOf(styles: string | undefined): string | undefined {
  return /<w:docDefaults>.*?<w:lang w:val="([^"]+)"/s.exec(styles ?? '')?.[1];
}

/** Fixed entry order: content types first, as some readers expect, then package relationships, then the rest by name. */
function entryOrder(a: string, b: string): number {
  const rank = (p: string) => (p === '[Content_Types].xml' ? 0 : p === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A document's parts: XML parts decoded to text, by path in the zip, and binary parts (media) as they are. */
export interface DocxParts {
  xml: Map<string, string>;
  binary: Map<string, Uint8Array>;
}

/** The parts docx writes for a document, before they are normalised. */
export async function renderParts(doc: Document): Promise<DocxParts> {
  const entries = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const parts: DocxParts = { xml: new Map(), binary: new Map() };
  for (const [path, data] of Object.entries(entries)) {
    if (XML_PART.test(path)) parts.xml.set(path, strFromU8(data));
    else parts.binary.set(path, data);
  }
  return parts;
}

/**
 * Packs parts into DOCX bytes that are the same for the same input: docx's
 * random ids and timestamps are normalised (in `parts` itself, so the caller
 * sees the final XML), the accessibility check (`checkDocx`) runs on the
 * final XML, and the zip is written with a fixed entry order, entry time and
 * compression level.
 */
export function packParts(parts: DocxParts, options: PackOptions): Uint8Array {
  const { xml } = parts;
  const core = xml.get('docProps/core.xml');
  if (core !== undefined) xml.set('docProps/core.xml', normaliseCore(core, options.sourceDateEpoch));
  const settings = xml.get('word/settings.xml');
  if (settings !== undefined) xml.set('word/settings.xml', settingsLanguage(settings, languageOf(xml.get('word/styles.xml'))));
  normaliseRelationshipIds(xml);
  normaliseDrawingIds(xml);
  normaliseBookmarks(xml);
  if (!options.checked) checkDocx(xml, options.name);
  const mtime = zipEntryTime();
  const zippable: Zippable = {};
  for (const path of [...xml.keys(), ...parts.binary.keys()].sort(entryOrder)) {
    const text = xml.get(path);
    zippable[path] = [text !== undefined ? strToU8(text) : parts.binary.get(path)!, { mtime, level: 6 }];
  }
  return zipSync(zippable);
}

/** Packs a document into reproducible, checked DOCX bytes: see `packParts`. */
export async function packDocx(doc: Document, options: PackOptions): Promise<Uint8Array> {
  return packParts(await renderParts(doc), options);
}
