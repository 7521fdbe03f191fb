import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DocumentMeta } from '../model/common.js';
import { checkDocx } from './check.js';
import { coreTimestamp, zipEntryTime } from './dates.js';
import { DocxError } from './errors.js';
import type { BlockSpec } from './spec.js';
import { defaultHeaderId, relsPathOf, resolveTarget, type Template } from './template.js';
import { wordSafe } from './text.js';
import { escapeXml, Ids, writeBlocks, type ListInstance } from './writer.js';
import {
  childNamed,
  childrenNamed,
  CT,
  descendantsNamed,
  importFragment,
  officeRelationship,
  parseXml,
  PR,
  R,
  relationshipOfType,
  serializeXml,
  W,
  wAttr,
  wElement,
} from './xml-dom.js';

/**
 * A document from a template and blocks: the blocks are written once by the
 * writer, into the template's frame. Each section (one paper; in a Board pack
 * the cover, the contents and every paper) starts on a new page and has a
 * running head naming it under the template's own header. What the blocks
 * number (lists, links, images, bookmarks) is added to the template's parts
 * through their DOM trees.
 */

/** One section of a document: its blocks and the running head that names it. */
export interface Section {
  blocks: readonly BlockSpec[];
  /** The line added under the template's header on this section's pages; none when undefined. */
  runningHead?: string;
}

export interface AssembleInput {
  /** The council's template, or the built-in one. */
  template: Template;
  /** The built-in template: styles and numbering a council's template lacks come from it. */
  builtIn: Template;
  meta: DocumentMeta;
  sections: readonly Section[];
  /** The file name, for messages. */
  name: string;
  sourceDateEpoch?: number;
  /** The document's table style, when the template has one ("TableGrid"). */
  tableStyle?: string;
}

const HEADER_REL = officeRelationship('header');
const HYPERLINK_REL = officeRelationship('hyperlink');
const IMAGE_REL = officeRelationship('image');
const NUMBERING_REL = officeRelationship('numbering');
const SETTINGS_REL = officeRelationship('settings');
const CORE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';
const DOCUMENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const HEADER_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';
const NUMBERING_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml';
const CORE_TYPE = 'application/vnd.openxmlformats-package.core-properties+xml';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Copies into `styles` the built-in definitions of the styles it lacks, with the styles they are based on or linked to. */
function addMissingStyles(styles: Document, builtIn: Document, wanted: Iterable<string>): void {
  const root = styles.documentElement!;
  const has = new Set(descendantsNamed(styles, W, 'style').map((s) => wAttr(s, 'styleId')));
  const source = new Map(descendantsNamed(builtIn, W, 'style').map((s) => [wAttr(s, 'styleId'), s] as const));
  const queue = [...wanted];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (has.has(id)) continue;
    const style = source.get(id);
    if (!style) continue;
    root.appendChild(styles.importNode(style, true));
    has.add(id);
    for (const ref of ['basedOn', 'link', 'next']) {
      const el = childNamed(style, W, ref);
      const target = el ? wAttr(el, 'val') : undefined;
      if (target) queue.push(target);
    }
  }
}

/** The document's language on its default run properties, so spell-checkers and screen readers use the right one. */
function setLanguage(styles: Document, language: string): void {
  const root = styles.documentElement!;
  let defaults = childNamed(root, W, 'docDefaults');
  if (!defaults) defaults = root.insertBefore(wElement(styles, 'docDefaults'), root.firstChild) as Element;
  let rPrDefault = childNamed(defaults, W, 'rPrDefault');
  if (!rPrDefault) rPrDefault = defaults.insertBefore(wElement(styles, 'rPrDefault'), defaults.firstChild) as Element;
  let rPr = childNamed(rPrDefault, W, 'rPr');
  if (!rPr) rPr = rPrDefault.appendChild(wElement(styles, 'rPr')) as Element;
  let lang = childNamed(rPr, W, 'lang');
  if (!lang) lang = rPr.appendChild(wElement(styles, 'lang')) as Element;
  lang.setAttributeNS(W, 'w:val', language);
}

const BULLETS = ['•', '◦', '▪'];
const ORDERED = ['decimal', 'lowerLetter', 'lowerRoman'];

/** coprod's two list definitions, bullets and numbers, nine levels each, indented a further 0.63 cm a level. */
function abstractNumXml(id: number, list: ListInstance['list']): string {
  let levels = '';
  for (let level = 0; level < 9; level++) {
    const format = list === 'bullet' ? 'bullet' : ORDERED[level % ORDERED.length]!;
    const text = list === 'bullet' ? BULLETS[level % BULLETS.length]! : `%${level + 1}.`;
    levels +=
      `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
      `<w:pPr><w:ind w:left="${567 * (level + 1)}" w:hanging="397"/></w:pPr></w:lvl>`;
  }
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels}</w:abstractNum>`;
}

function maxAttr(elements: readonly Element[], local: string): number {
  let most = 0;
  for (const el of elements) most = Math.max(most, Number(wAttr(el, local) ?? 0) || 0);
  return most;
}

/** Adds coprod's list definitions and one numbering instance per list the writer met (each numbered list restarts at its own start). */
function addNumbering(numbering: Document, lists: readonly ListInstance[], name: string): void {
  const root = numbering.documentElement!;
  const abstracts = childrenNamed(root, W, 'abstractNum');
  const base = maxAttr(abstracts, 'abstractNumId');
  const ids = { bullet: base + 1, ordered: base + 2 };
  const firstNum = childNamed(root, W, 'num') ?? null;
  for (const list of ['bullet', 'ordered'] as const)
    root.insertBefore(importFragment(numbering, abstractNumXml(ids[list], list), name), firstNum);
  for (const list of lists) {
    const override =
      list.list === 'ordered'
        ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${list.start}"/></w:lvlOverride>`
        : '';
    root.appendChild(
      importFragment(
        numbering,
        `<w:num w:numId="${list.numId}"><w:abstractNumId w:val="${ids[list.list]}"/>${override}</w:num>`,
        name,
      ),
    );
  }
}

function relationships(doc: Document): Element {
  return doc.documentElement!;
}

function addRelationship(rels: Document, id: string, type: string, target: string, external = false): void {
  const rel = rels.createElementNS(PR, 'Relationship');
  rel.setAttribute('Id', id);
  rel.setAttribute('Type', type);
  rel.setAttribute('Target', target);
  if (external) rel.setAttribute('TargetMode', 'External');
  relationships(rels).appendChild(rel);
}

function setOverride(types: Document, part: string, contentType: string): void {
  const existing = descendantsNamed(types, CT, 'Override').find(
    (o) => resolveTarget('', o.getAttribute('PartName') ?? '') === part,
  );
  if (existing) {
    existing.setAttribute('ContentType', contentType);
    return;
  }
  const override = types.createElementNS(CT, 'Override');
  override.setAttribute('PartName', `/${part}`);
  override.setAttribute('ContentType', contentType);
  types.documentElement!.appendChild(override);
}

function ensureDefault(types: Document, extension: string, contentType: string): void {
  if (descendantsNamed(types, CT, 'Default').some((d) => d.getAttribute('Extension')?.toLowerCase() === extension))
    return;
  const def = types.createElementNS(CT, 'Default');
  def.setAttribute('Extension', extension);
  def.setAttribute('ContentType', contentType);
  types.documentElement!.insertBefore(def, types.documentElement!.firstChild);
}

/** The core properties: title, subject and author; the dates only when SOURCE_DATE_EPOCH gives them. */
function coreXml(meta: DocumentMeta, language: string, sourceDateEpoch: number | undefined): string {
  const dates =
    sourceDateEpoch === undefined
      ? ''
      : `<dcterms:created xsi:type="dcterms:W3CDTF">${coreTimestamp(sourceDateEpoch)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${coreTimestamp(sourceDateEpoch)}</dcterms:modified>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(wordSafe(meta.title))}</dc:title><dc:subject>${escapeXml(wordSafe(meta.subject))}</dc:subject><dc:creator>${escapeXml(wordSafe(meta.author))}</dc:creator>` +
    `<dc:language>${escapeXml(language)}</dc:language><cp:lastModifiedBy>${escapeXml(wordSafe(meta.author))}</cp:lastModifiedBy><cp:revision>1</cp:revision>${dates}</cp:coreProperties>`
  );
}

/**
 * Settings: Word is not asked to update fields on opening, a template's link
 * to itself is dropped, and the language of the theme fonts is recorded, as
 * Word's own documents do.
 */
function cleanSettings(settings: Document, language: string): void {
  const root = settings.documentElement!;
  for (const local of ['updateFields', 'attachedTemplate'])
    for (const el of childrenNamed(root, W, local)) root.removeChild(el);
  let lang = childNamed(root, W, 'themeFontLang');
  if (!lang) {
    lang = wElement(settings, 'themeFontLang');
    // Its place in the settings' sequence: after the compatibility settings, before the colour scheme mapping.
    const after = childNamed(root, W, 'compat');
    const before = after ? after.nextSibling : (childNamed(root, W, 'clrSchemeMapping') ?? null);
    root.insertBefore(lang, before);
  }
  lang.setAttributeNS(W, 'w:val', language);
}

/** A header part: the template's default header (or an empty one) with the running head added as its last paragraph. */
function headerXml(template: Template, headerPart: string | undefined, runningHead: string): string {
  const base = headerPart ? template.xml.get(headerPart) : undefined;
  const doc = base
    ? parseXml(serializeXml(base), template.name, headerPart!)
    : parseXml(`<w:hdr xmlns:w="${W}" xmlns:r="${R}"/>`, template.name, 'header');
  doc.documentElement!.appendChild(
    importFragment(
      doc,
      `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(wordSafe(runningHead))}</w:t></w:r></w:p>`,
      template.name,
    ),
  );
  return serializeXml(doc);
}

/** The parts that are the same in every document of a run, serialised once, and whether they have passed the check. */
interface FixedParts {
  parts: Map<string, string>;
  checked: boolean;
}

const FIXED = new WeakMap<Template, Map<string, FixedParts>>();

/**
 * A template's parts as every document of a run has them: its styles with
 * the built-in styles it lacks and the document's language, its settings
 * cleaned, and every part coprod does not change (theme, fonts, footers),
 * serialised once.
 */
function fixedParts(
  template: Template,
  builtIn: Template,
  language: string,
  name: string,
  varying: ReadonlySet<string>,
): FixedParts {
  let byLanguage = FIXED.get(template);
  if (!byLanguage) FIXED.set(template, (byLanguage = new Map<string, FixedParts>()));
  const cached = byLanguage.get(language);
  if (cached) return cached;
  const rels = template.xml.get(relsPathOf(template.main))!;
  const partOf = (type: string) => {
    const rel = relationshipOfType(rels, type);
    return rel ? resolveTarget(template.main, rel.getAttribute('Target')!) : undefined;
  };
  const parts = new Map<string, string>();
  const stylesPart = template.stylesPart;
  const styles = parseXml(serializeXml(template.xml.get(stylesPart)!), name, stylesPart);
  const builtInStyles = builtIn.xml.get(builtIn.stylesPart)!;
  addMissingStyles(
    styles,
    builtInStyles,
    descendantsNamed(builtInStyles, W, 'style').map((st) => wAttr(st, 'styleId') ?? ''),
  );
  setLanguage(styles, language);
  parts.set(stylesPart, serializeXml(styles));
  const settingsPart = partOf(SETTINGS_REL);
  if (settingsPart && template.xml.has(settingsPart)) {
    const settings = parseXml(serializeXml(template.xml.get(settingsPart)!), name, settingsPart);
    cleanSettings(settings, language);
    parts.set(settingsPart, serializeXml(settings));
  }
  for (const [part, doc] of template.xml)
    if (!parts.has(part) && !varying.has(part)) parts.set(part, serializeXml(doc));
  const fixed = { parts, checked: false };
  byLanguage.set(language, fixed);
  return fixed;
}

/** Fixed entry order: content types first, as some readers expect, then package relationships, then the rest by name. */
function entryOrder(a: string, b: string): number {
  const rank = (p: string) => (p === '[Content_Types].xml' ? 0 : p === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The parts of the finished document, before they are zipped, for callers that check or read them. */
export interface Assembled {
  xml: Map<string, string>;
  binary: Map<string, Uint8Array>;
  /** The parts every document of the run shares. */
  fixed?: FixedParts;
}

/** Writes the sections into the template: the finished parts. */
export function assembleParts(input: AssembleInput): Assembled {
  const { template, builtIn, meta, name } = input;
  const main = template.main;
  const mainRelsPath = relsPathOf(main);
  // A fresh copy of a template part, to edit for this document only.
  const edit = (part: string) => template.xml.get(part)!.cloneNode(true) as Document;
  const types = edit('[Content_Types].xml');
  const rootRels = edit('_rels/.rels');
  const rels = edit(mainRelsPath);
  const document = edit(main);

  // Numbering ids the template uses stay its own: coprod's lists are numbered after them.
  const numberingRel = relationshipOfType(rels, NUMBERING_REL);
  const numberingPart = numberingRel ? resolveTarget(main, numberingRel.getAttribute('Target')!) : 'word/numbering.xml';
  const numbering = template.xml.has(numberingPart)
    ? edit(numberingPart)
    : parseXml(`<w:numbering xmlns:w="${W}"/>`, name, numberingPart);
  const ids = new Ids(maxAttr(descendantsNamed(numbering, W, 'num'), 'numId') + 1);

  // Each section: its own header (the template's, with the running head), and section properties that start it on a new page.
  const headerPart = (() => {
    const id = defaultHeaderId(template);
    const rel = id ? descendantsNamed(rels, PR, 'Relationship').find((r) => r.getAttribute('Id') === id) : undefined;
    return rel ? resolveTarget(main, rel.getAttribute('Target')!) : undefined;
  })();
  const out: Assembled = { xml: new Map(), binary: new Map(template.binary) };
  const sectionXml = (runningHead: string | undefined, index: number): string => {
    const sectPr = template.sectPr.cloneNode(true) as Element;
    if (runningHead !== undefined) {
      const part = `word/header-coprod${index + 1}.xml`;
      const relId = `rIdCoprodHeader${index + 1}`;
      out.xml.set(part, headerXml(template, headerPart, runningHead));
      const headerRels = headerPart ? template.xml.get(relsPathOf(headerPart)) : undefined;
      if (headerRels) out.xml.set(relsPathOf(part), serializeXml(headerRels));
      addRelationship(rels, relId, HEADER_REL, part.slice(part.lastIndexOf('/') + 1));
      setOverride(types, part, HEADER_TYPE);
      let ref = childrenNamed(sectPr, W, 'headerReference').find((h) => wAttr(h, 'type') === 'default');
      if (!ref) {
        ref = sectPr.ownerDocument!.createElementNS(W, 'w:headerReference');
        ref.setAttributeNS(W, 'w:type', 'default');
        sectPr.insertBefore(ref, sectPr.firstChild);
      }
      ref.setAttributeNS(R, 'r:id', relId);
    }
    for (const type of childrenNamed(sectPr, W, 'type')) sectPr.removeChild(type);
    return serializeElement(sectPr);
  };

  let body = '';
  input.sections.forEach((section, i) => {
    ids.section = i;
    const last = i === input.sections.length - 1;
    const sectPr = sectionXml(section.runningHead, i);
    body += last
      ? writeBlocks(section.blocks, ids, {
          textWidth: template.textWidth,
          ...(input.tableStyle ? { tableStyle: input.tableStyle } : {}),
        }) + sectPr
      : writeBlocks(
          section.blocks,
          ids,
          { textWidth: template.textWidth, ...(input.tableStyle ? { tableStyle: input.tableStyle } : {}) },
          sectPr,
        );
  });

  if (ids.lists.length > 0) {
    addNumbering(numbering, ids.lists, name);
    out.xml.set(numberingPart, serializeXml(numbering));
    if (!numberingRel) {
      addRelationship(
        rels,
        'rIdCoprodNumbering',
        NUMBERING_REL,
        numberingPart.slice(numberingPart.lastIndexOf('/') + 1),
      );
      setOverride(types, numberingPart, NUMBERING_TYPE);
    }
  }
  for (const link of ids.links) addRelationship(rels, link.id, HYPERLINK_REL, link.url, true);
  for (const image of ids.images) {
    addRelationship(rels, image.id, IMAGE_REL, image.name);
    out.binary.set(`word/${image.name}`, image.data);
    ensureDefault(
      types,
      image.name.slice(image.name.lastIndexOf('.') + 1),
      image.name.endsWith('.png') ? 'image/png' : 'image/jpeg',
    );
  }

  // The core properties are the document's own; a template's title and author are not carried over.
  const coreRel = relationshipOfType(rootRels, CORE_REL);
  const corePart = coreRel ? resolveTarget('', coreRel.getAttribute('Target')!) : 'docProps/core.xml';
  if (!coreRel) addRelationship(rootRels, 'rIdCoprodCore', CORE_REL, corePart);
  setOverride(types, corePart, CORE_TYPE);
  out.xml.set(corePart, coreXml(meta, meta.language, input.sourceDateEpoch));

  // A .dotx becomes a document.
  setOverride(types, main, DOCUMENT_TYPE);

  const root = document.documentElement!;
  if (!root.getAttributeNodeNS(XMLNS, 'wp')) root.setAttributeNS(XMLNS, 'xmlns:wp', WP);
  if (!root.getAttributeNodeNS(XMLNS, 'r')) root.setAttributeNS(XMLNS, 'xmlns:r', R);
  const bodyElement = childNamed(root, W, 'body')!;
  while (bodyElement.firstChild) bodyElement.removeChild(bodyElement.firstChild);
  // The body is written by the writer; it goes where this marker stands in the template's document.
  const marker = document.createComment('coprod-body');
  bodyElement.appendChild(marker);
  const [before, after] = serializeXml(document).split(new XMLSerializer().serializeToString(marker));
  if (after === undefined)
    throw new DocxError(
      'malformed-xml',
      `${name}: the template's body could not be replaced; this is a bug in coprod, please report it`,
    );
  out.xml.set(main, `${before}${body}${after}`);

  out.xml.set(mainRelsPath, serializeXml(rels));
  out.xml.set('_rels/.rels', serializeXml(rootRels));
  out.xml.set('[Content_Types].xml', serializeXml(types));
  // Styles the template lacks come from the built-in template; the document's language goes on its defaults.
  const varying = new Set([main, mainRelsPath, '[Content_Types].xml', '_rels/.rels', numberingPart, corePart]);
  const fixed = fixedParts(template, builtIn, meta.language, name, varying);
  for (const [part, text] of fixed.parts) if (!out.xml.has(part)) out.xml.set(part, text);
  out.fixed = fixed;
  return out;
}

/** One element on its own, with the namespace declarations it needs. */
function serializeElement(element: Element): string {
  return new XMLSerializer().serializeToString(element);
}

/** Checks the document (accessibility) and zips it into DOCX bytes that are the same for the same input. */
export function zipDocx(parts: Assembled, name: string, checked = false): Uint8Array {
  if (!checked) {
    // The parts every document shares are read once, with the first document.
    checkDocx(parts.xml, name, parts.fixed?.checked ? { known: new Set(parts.fixed.parts.keys()) } : {});
    if (parts.fixed) parts.fixed.checked = true;
  }
  const mtime = zipEntryTime();
  const zippable: Zippable = {};
  for (const path of [...parts.xml.keys(), ...parts.binary.keys()].sort(entryOrder)) {
    const text = parts.xml.get(path);
    zippable[path] =
      text !== undefined
        ? [strToU8(text), { mtime, level: 6 }]
        : // Images are compressed already: deflating them again took 6% of a pack with charts to save 4% of its size.
          [parts.binary.get(path)!, { mtime, level: 0 }];
  }
  return zipSync(zippable);
}

/** Assembles, checks and zips a document. */
export function assembleDocx(input: AssembleInput): Uint8Array {
  return zipDocx(assembleParts(input), input.name);
}
