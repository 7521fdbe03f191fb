import type { SaxesTagNS } from 'saxes';
import { DocxError } from './errors.js';
import { isW, W, wAttr, walkXml } from './xml.js';

const DC = 'http://purl.org/dc/elements/1.1/';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';

/** The decoded XML parts of a DOCX, by path in the zip. */
export type XmlParts = ReadonlyMap<string, string>;

function fail(code: ConstructorParameters<typeof DocxError>[0], document: string, problem: string): never {
  throw new DocxError(code, `${document} was not written: ${problem}`);
}

/** WCAG contrast ratio of a colour against white paper. */
export function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (luminance + 0.05);
}

function isOn(tag: SaxesTagNS): boolean {
  const val = wAttr(tag, 'val');
  return val === undefined || !['false', '0', 'off'].includes(val);
}

/** Headings in order never go down more than one level (H2 → H4 is a skip), and the first is Heading 1. */
function checkHeadingsAndTables(xml: string, document: string, part: string): void {
  let previous = 0;
  let paragraph: { level: number; text: string } | undefined;
  const tables: { row: number; header: boolean; text: string }[] = [];
  let tableCount = 0;
  walkXml(xml, document, part, {
    open(tag) {
      if (isW(tag, 'p')) paragraph = { level: 0, text: '' };
      else if (isW(tag, 'pStyle') && paragraph) paragraph.level = Number(/^Heading([1-9])$/.exec(wAttr(tag, 'val') ?? '')?.[1] ?? 0);
      else if (isW(tag, 'tbl')) {
        tables.push({ row: 0, header: false, text: '' });
        tableCount++;
      }
      else if (isW(tag, 'tr') && tables.length > 0) tables[tables.length - 1]!.row++;
      else if (isW(tag, 'tblHeader') && tables.length > 0) {
        const table = tables[tables.length - 1]!;
        if (table.row === 1 && isOn(tag)) table.header = true;
      } else if (tag.uri === WP && tag.local === 'docPr') {
        const alt = (tag.attributes['descr']?.value ?? '').trim();
        if (alt === '') fail('image-without-alt-text', document, `the image "${tag.attributes['name']?.value ?? ''}" has no alternative text for screen-reader users`);
      }
    },
    text(text) {
      if (paragraph) paragraph.text += text;
      const table = tables[tables.length - 1];
      if (table && table.row === 1) table.text += text;
    },
    close(tag) {
      if (isW(tag, 'p') && paragraph) {
        const { level, text } = paragraph;
        if (level > previous + 1) {
          const after = previous === 0 ? 'is the first heading' : `follows a Heading ${previous}`;
          fail('heading-skipped', document, `the heading "${text.trim()}" is Heading ${level} but ${after}; headings must not skip a level, as screen-reader users navigate by them`);
        }
        if (level > 0) previous = level;
        paragraph = undefined;
      } else if (isW(tag, 'tbl')) {
        const table = tables.pop()!;
        if (!table.header) fail('table-without-header', document, `table ${tableCount} ("${table.text.trim().slice(0, 60)}") has no header row; give its first row column headings`);
      }
    },
  });
}

/** Text colours, in styles and runs, must be readable on white: WCAG AA, 4.5:1. */
function checkContrast(xml: string, document: string, part: string): void {
  walkXml(xml, document, part, {
    open(tag) {
      if (!isW(tag, 'color')) return;
      const val = wAttr(tag, 'val') ?? 'auto';
      if (!/^[0-9A-Fa-f]{6}$/.test(val)) return;
      const ratio = contrastOnWhite(val);
      if (ratio < 4.5) fail('low-contrast', document, `the text colour ${val} has a contrast of ${ratio.toFixed(1)}:1 on white, below the 4.5:1 that low-vision readers need; choose a darker colour (council.style.headingColour in council.yaml)`);
    },
  });
}

function checkTitle(xml: string, document: string): void {
  let inTitle = false;
  let title = '';
  walkXml(xml, document, 'docProps/core.xml', {
    open: (tag) => void (inTitle = tag.uri === DC && tag.local === 'title'),
    close: () => void (inTitle = false),
    text: (text) => void (inTitle && (title += text)),
  });
  if (title.trim() === '') fail('no-title', document, 'it has no title in its document properties; screen readers announce the title first');
}

function checkLanguage(xml: string, document: string): void {
  let inDefaults = false;
  let language = '';
  walkXml(xml, document, 'word/styles.xml', {
    open(tag) {
      if (isW(tag, 'docDefaults')) inDefaults = true;
      else if (inDefaults && isW(tag, 'lang')) language ||= (wAttr(tag, 'val') ?? '').trim();
    },
    close(tag) {
      if (tag.uri === W && tag.local === 'docDefaults') inDefaults = false;
    },
  });
  if (language === '') fail('no-language', document, 'it has no language set (council.language in council.yaml); screen readers need it to choose a voice');
}

/**
 * The accessibility check every DOCX passes before it is written: every XML
 * part is well-formed; the title and language are set; headings do not skip
 * levels; every table has a header row; every image has alternative text;
 * text colours are readable on white. Throws a DocxError naming the document
 * and the problem; returns nothing when all is well.
 */
export function checkDocx(parts: XmlParts, document: string): void {
  for (const [part, xml] of parts) walkXml(xml, document, part);
  checkTitle(parts.get('docProps/core.xml') ?? '<none/>', document);
  checkLanguage(parts.get('word/styles.xml') ?? '<none/>', document);
  for (const [part, xml] of parts) {
    if (/^word\/(document|header\d*|footer\d*)\.xml$/.test(part)) checkHeadingsAndTables(xml, document, part);
    if (/^word\/(document|styles|header\d*|footer\d*)\.xml$/.test(part)) checkContrast(xml, document, part);
  }
}
