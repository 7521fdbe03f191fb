import { Document as DocxDocument, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Document, Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { DocxError } from './errors.js';
import { documentStyles, halfPoints, PAGE, runningHeadPoints, type ResolvedStyle } from './style.js';
import { wordSafe } from './text.js';
import {
  childNamed,
  childrenNamed,
  CT,
  descendantsNamed,
  officeRelationship,
  parseXml,
  R,
  relationshipOfType,
  W,
  wAttr,
} from './xml-dom.js';

/**
 * The frame every coprod document is written into: styles, numbering,
 * settings, header and footer, page setup. It comes from a template document
 * (the council's own .docx or .dotx made in Word or LibreOffice, as pandoc's
 * reference document does), or from the built-in one, which the docx package
 * builds from the council's font, size and heading colour.
 */

/** A template's parts: XML parts as DOM trees, other parts (media, fonts) as bytes. */
export interface Template {
  /** The file it came from, or "the built-in template", for messages. */
  name: string;
  xml: Map<string, Document>;
  binary: Map<string, Uint8Array>;
  /** Path of the main document part, e.g. `word/document.xml`. */
  main: string;
  /** Path of the styles part, e.g. `word/styles.xml`. */
  stylesPart: string;
  /** The section properties at the end of the template's body: page size, margins, header and footer references. */
  sectPr: Element;
  /** The width between the margins, in DXA. */
  textWidth: number;
  /** Style ids the template defines, with their type (paragraph, character, table, numbering). */
  styles: Map<string, string>;
}

/** At most this many bytes in a template file, this many parts, and this many bytes unpacked. */
export const TEMPLATE_LIMITS = { fileBytes: 20 * 1024 * 1024, parts: 500, unpackedBytes: 100 * 1024 * 1024 } as const;

const MAIN_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
]);
const MACRO_TYPES = new Set([
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);
const OFFICE_DOCUMENT = officeRelationship('officeDocument');
const XML_PART = /\.(xml|rels)$/;

function refuse(name: string, why: string): never {
  throw new DocxError('bad-template', `the Word template ${name} cannot be used: ${why}`);
}

/** The part a package relationship of `type` points to, from a `.rels` part. */
function relationshipTarget(rels: Document, type: string): string | undefined {
  return relationshipOfType(rels, type)?.getAttribute('Target') ?? undefined;
}

/** `word/_rels/document.xml.rels` for `word/document.xml`. */
export function relsPathOf(part: string): string {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

/** A relationship target, relative to the part that holds it, as a path in the package. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

/** Refuses a style hierarchy that loops (a style based, in the end, on itself): Word and LibreOffice cannot resolve it. */
function checkStyleLoops(styles: Document, name: string): Map<string, string> {
  const basedOn = new Map<string, string>();
  const types = new Map<string, string>();
  for (const style of descendantsNamed(styles, W, 'style')) {
    const id = wAttr(style, 'styleId');
    if (!id) continue;
    types.set(id, wAttr(style, 'type') ?? 'paragraph');
    const base = childNamed(style, W, 'basedOn');
    const baseId = base ? wAttr(base, 'val') : undefined;
    if (baseId) basedOn.set(id, baseId);
  }
  for (const id of basedOn.keys()) {
    const seen = new Set<string>([id]);
    for (let next = basedOn.get(id); next !== undefined; next = basedOn.get(next)) {
      if (seen.has(next)) refuse(name, `its style "${id}" is based, in the end, on itself (a style loop)`);
      seen.add(next);
    }
  }
  return types;
}

/**
 * Reads and checks a template document: a zip of reasonable size (a zip bomb
 * is refused before it is unpacked), not macro-enabled, with a main document
 * part and a styles part, and no style based on itself.
 */
export function readTemplate(bytes: Uint8Array, name: string): Template {
  if (bytes.length > TEMPLATE_LIMITS.fileBytes)
    refuse(name, `it is larger than ${TEMPLATE_LIMITS.fileBytes / 1024 / 1024} MB`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    refuse(name, 'it is not a Word document (.docx or .dotx): it is not a zip file');
  let declared = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Sizes are read from the zip's directory first: a zip bomb is refused before anything is unpacked.
      filter: (file) => {
        count++;
        declared += file.originalSize;
        if (count > TEMPLATE_LIMITS.parts) refuse(name, `it has more than ${TEMPLATE_LIMITS.parts} parts`);
        if (declared > TEMPLATE_LIMITS.unpackedBytes)
          refuse(name, `it would unpack to more than ${TEMPLATE_LIMITS.unpackedBytes / 1024 / 1024} MB (a zip bomb?)`);
        if (file.originalSize > 1024 * 1024 && file.originalSize > file.size * 200)
          refuse(name, `its part ${file.name} is compressed more than 200 to 1 (a zip bomb?)`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxError) throw error;
    refuse(name, `it is not a Word document: its zip cannot be read (${(error as Error).message})`);
  }
  let unpacked = 0;
  for (const data of Object.values(entries)) unpacked += data.length;
  if (unpacked > TEMPLATE_LIMITS.unpackedBytes)
    refuse(name, `it unpacks to more than ${TEMPLATE_LIMITS.unpackedBytes / 1024 / 1024} MB (a zip bomb?)`);
  if (Object.keys(entries).some((p) => /(^|\/)vbaProject\.bin$/i.test(p)))
    refuse(name, 'it holds macros (a .docm or .dotm); save it as a Word document or template without macros');

  const xml = new Map<string, Document>();
  const binary = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith('/')) continue;
    if (XML_PART.test(path)) xml.set(path, parseXml(strFromU8(data), name, path));
    else binary.set(path, data);
  }
  const types = xml.get('[Content_Types].xml') ?? refuse(name, 'it has no [Content_Types].xml part');
  const rootRels = xml.get('_rels/.rels') ?? refuse(name, 'it has no _rels/.rels part');
  const main = resolveTarget(
    '',
    relationshipTarget(rootRels, OFFICE_DOCUMENT) ?? refuse(name, 'it has no main document part'),
  );
  const document = xml.get(main) ?? refuse(name, `its main document part ${main} is missing`);
  const override = descendantsNamed(types, CT, 'Override').find(
    (o) => resolveTarget('', o.getAttribute('PartName') ?? '') === main,
  );
  const mainType = override?.getAttribute('ContentType') ?? '';
  if (MACRO_TYPES.has(mainType))
    refuse(name, 'it is macro-enabled (a .docm or .dotm); save it as a Word document or template without macros');
  if (!MAIN_TYPES.has(mainType))
    refuse(name, `its main part is not a Word document or template (${mainType || 'no content type'})`);
  const mainRels = xml.get(relsPathOf(main)) ?? refuse(name, `it has no relationships part for ${main}`);
  const stylesTarget = relationshipTarget(mainRels, officeRelationship('styles'));
  const stylesPart = stylesTarget ? resolveTarget(main, stylesTarget) : '';
  const styles = xml.get(stylesPart);
  if (!styles) refuse(name, 'it has no styles part (word/styles.xml)');

  const body = childNamed(document.documentElement!, W, 'body') ?? refuse(name, 'its document has no body');
  const sectPr = childNamed(body, W, 'sectPr') ?? refuse(name, 'its document has no page setup (section properties)');
  const pgSz = childNamed(sectPr, W, 'pgSz');
  const pgMar = childNamed(sectPr, W, 'pgMar');
  const width = Number(pgSz ? wAttr(pgSz, 'w') : PAGE.width);
  const left = Number(pgMar ? wAttr(pgMar, 'left') : PAGE.side);
  const right = Number(pgMar ? wAttr(pgMar, 'right') : PAGE.side);
  const textWidth = width - left - right;
  if (!Number.isFinite(textWidth) || textWidth < 2000 || textWidth > 30000)
    refuse(name, 'its page size and margins leave no room for text');
  return { name, xml, binary, main, stylesPart, sectPr, textWidth, styles: checkStyleLoops(styles, name) };
}

const HEADER_COLOUR = '404040';

/** Running heads are two points smaller than the body (never below 10 point; in Easy Read, the body's size). */
function runningHeadSize(style: ResolvedStyle): number {
  return halfPoints(runningHeadPoints(style));
}

/**
 * The built-in template, built by the docx package: the council's styles, a
 * running head with the council's name (each paper's title is added below
 * it), "Page X of Y" in the footer, A4 pages.
 */
export async function builtInTemplate(style: ResolvedStyle, council: string): Promise<Template> {
  const run = { size: runningHeadSize(style), color: HEADER_COLOUR };
  const doc = new DocxDocument({
    styles: documentStyles(style),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.side,
              right: PAGE.side,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: 'Header',
                children: [new TextRun({ ...run, bold: true, text: wordSafe(council) })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Footer',
                alignment: 'right',
                children: [
                  new TextRun({ ...run, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [],
      },
    ],
  });
  return readTemplate(new Uint8Array(await Packer.toBuffer(doc)), 'the built-in template');
}

/** The relationship id of the template's default header, if it has one. */
export function defaultHeaderId(template: Template): string | undefined {
  const ref = childrenNamed(template.sectPr, W, 'headerReference').find((h) => wAttr(h, 'type') === 'default');
  return ref?.getAttributeNS(R, 'id') ?? undefined;
}
