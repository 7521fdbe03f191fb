import type { SaxesTagNS } from 'saxes';
import { contrastRatio, PAGE_BACKGROUND } from '../colour/contrast.js';
import { DocxError, type DocxProblem } from './errors.js';
import { isW, W, wAttr, walkXml, type XmlHandlers } from './xml.js';

const DC = 'http://purl.org/dc/elements/1.1/';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';

/** The decoded XML parts of a DOCX, by path in the zip. */
export type XmlParts = ReadonlyMap<string, string>;

/** A problem found, reported once the part has been read to its end. */
interface Finding {
  code: DocxProblem;
  problem: string;
}

/** One check over one part: handlers for the walk, and what it found once the walk is over. */
interface PartCheck {
  handlers: XmlHandlers;
  result(): Finding | undefined;
}

/** WCAG contrast ratio of a colour against white paper. */
export function contrastOnWhite(hex: string): number {
  return contrastRatio(hex, PAGE_BACKGROUND);
}

function isOn(tag: SaxesTagNS): boolean {
  const val = wAttr(tag, 'val');
  return val === undefined || !['false', '0', 'off'].includes(val);
}

/** A table being read: its rows so far, whether its first row is a header, its first row's text, and its rows that begin with a picture. */
interface TableState {
  row: number;
  header: boolean;
  text: string;
  /** The cell of the current row being read (1 for the first). */
  cell: number;
  /** In the current row's first cell: whether it holds an image, and its text. */
  first: { image: boolean; text: string } | undefined;
  pictureRows: number;
}

/**
 * Headings in order never go down more than one level (H2 → H4 is a skip),
 * and the first is Heading 1; every table has a header row, unless it lays
 * out pictures beside words (every row's first cell an image with no words:
 * an Easy Read companion's rows); every image has alternative text.
 */
function headingsAndTables(): PartCheck {
  let found: Finding | undefined;
  let previous = 0;
  let paragraph: { level: number; text: string } | undefined;
  const tables: TableState[] = [];
  let tableCount = 0;
  const handlers: XmlHandlers = {
    open(tag) {
      if (found) return;
      if (tag.uri === W) {
        const local = tag.local;
        if (local === 'p') paragraph = { level: 0, text: '' };
        else if (local === 'pStyle' && paragraph)
          paragraph.level = Number(/^Heading([1-9])$/.exec(wAttr(tag, 'val') ?? '')?.[1] ?? 0);
        else if (local === 'tbl') {
          tables.push({ row: 0, header: false, text: '', cell: 0, first: undefined, pictureRows: 0 });
          tableCount++;
        } else if (local === 'tr' && tables.length > 0) {
          const table = tables[tables.length - 1]!;
          table.row++;
          table.cell = 0;
        } else if (local === 'tc' && tables.length > 0) {
          const table = tables[tables.length - 1]!;
          if (++table.cell === 1) table.first = { image: false, text: '' };
        } else if (local === 'tblHeader' && tables.length > 0) {
          const table = tables[tables.length - 1]!;
          if (table.row === 1 && isOn(tag)) table.header = true;
        }
      } else if (tag.uri === WP && tag.local === 'docPr') {
        const first = tables[tables.length - 1]?.first;
        if (first) first.image = true;
        const alt = (tag.attributes['descr']?.value ?? '').trim();
        if (alt === '')
          found = {
            code: 'image-without-alt-text',
            problem: `the image "${tag.attributes['name']?.value ?? ''}" has no alternative text for screen-reader users`,
          };
      }
    },
    text(text) {
      if (found) return;
      if (paragraph) paragraph.text += text;
      const table = tables[tables.length - 1];
      if (table && table.row === 1) table.text += text;
      if (table?.first) table.first.text += text;
    },
    close(tag) {
      if (found || tag.uri !== W) return;
      if (tag.local === 'p' && paragraph) {
        const { level, text } = paragraph;
        if (level > previous + 1) {
          const after = previous === 0 ? 'is the first heading' : `follows a Heading ${previous}`;
          found = {
            code: 'heading-skipped',
            problem: `the heading "${text.trim()}" is Heading ${level} but ${after}; headings must not skip a level, as screen-reader users navigate by them`,
          };
        }
        if (level > 0) previous = level;
        paragraph = undefined;
      } else if (tag.local === 'tc' && tables.length > 0) {
        const table = tables[tables.length - 1]!;
        if (table.first && table.first.image && table.first.text.trim() === '') table.pictureRows++;
        table.first = undefined;
      } else if (tag.local === 'tbl') {
        const table = tables.pop()!;
        const pictureLayout = table.row > 0 && table.pictureRows === table.row;
        if (!table.header && !pictureLayout)
          found = {
            code: 'table-without-header',
            problem: `table ${tableCount} ("${table.text.trim().slice(0, 60)}") has no header row; give its first row column headings`,
          };
      }
    },
  };
  return { handlers, result: () => found };
}

/** Text colours, in styles and runs, must be readable on white: WCAG AA, 4.5:1. */
function contrast(): PartCheck {
  let found: Finding | undefined;
  const handlers: XmlHandlers = {
    open(tag) {
      if (found || !isW(tag, 'color')) return;
      const val = wAttr(tag, 'val') ?? 'auto';
      if (!/^[0-9A-Fa-f]{6}$/.test(val)) return;
      const ratio = contrastOnWhite(val);
      if (ratio < 4.5) {
        found = {
          code: 'low-contrast',
          problem: `the text colour ${val} has a contrast of ${ratio.toFixed(1)}:1 on white, below the 4.5:1 that low-vision readers need; choose a darker colour (council.style.headingColour in council.yaml)`,
        };
      }
    },
  };
  return { handlers, result: () => found };
}

function title(): PartCheck {
  let inTitle = false;
  let text = '';
  const handlers: XmlHandlers = {
    open: (tag) => void (inTitle = tag.uri === DC && tag.local === 'title'),
    close: () => void (inTitle = false),
    text: (t) => void (inTitle && (text += t)),
  };
  return {
    handlers,
    result: () =>
      text.trim() === ''
        ? {
            code: 'no-title',
            problem: 'it has no title in its document properties; screen readers announce the title first',
          }
        : undefined,
  };
}

function language(): PartCheck {
  let inDefaults = false;
  let lang = '';
  const handlers: XmlHandlers = {
    open(tag) {
      if (isW(tag, 'docDefaults')) inDefaults = true;
      else if (inDefaults && isW(tag, 'lang')) lang ||= (wAttr(tag, 'val') ?? '').trim();
    },
    close(tag) {
      if (isW(tag, 'docDefaults')) inDefaults = false;
    },
  };
  return {
    handlers,
    result: () =>
      lang === ''
        ? {
            code: 'no-language',
            problem:
              'it has no language set (council.language in council.yaml); screen readers need it to choose a voice',
          }
        : undefined,
  };
}

/** The checks a part gets, in the order their findings are reported. */
function checksFor(part: string): PartCheck[] {
  const checks: PartCheck[] = [];
  if (part === 'docProps/core.xml') checks.push(title());
  if (part === 'word/styles.xml') checks.push(language());
  if (/^word\/(document|header[\w-]*|footer[\w-]*)\.xml$/.test(part)) checks.push(headingsAndTables());
  if (/^word\/(document|styles|header[\w-]*|footer[\w-]*)\.xml$/.test(part)) checks.push(contrast());
  return checks;
}

/** Handlers that pass every event on to each check. */
function combined(checks: readonly PartCheck[]): XmlHandlers {
  const opens = checks.flatMap((c) => (c.handlers.open ? [c.handlers.open] : []));
  const closes = checks.flatMap((c) => (c.handlers.close ? [c.handlers.close] : []));
  const texts = checks.flatMap((c) => (c.handlers.text ? [c.handlers.text] : []));
  return {
    ...(opens.length > 0 ? { open: (tag: SaxesTagNS) => opens.forEach((h) => h(tag)) } : {}),
    ...(closes.length > 0 ? { close: (tag: SaxesTagNS) => closes.forEach((h) => h(tag)) } : {}),
    ...(texts.length > 0 ? { text: (text: string) => texts.forEach((h) => h(text)) } : {}),
  };
}

/**
 * The accessibility check every DOCX passes before it is written: every XML
 * part is well-formed; the title and language are set; headings do not skip
 * levels; every table has a header row; every image has alternative text;
 * text colours are readable on white. Each part is read once, by a strict
 * parser, for all of its checks. Throws a DocxError naming the document and
 * the problem (a malformed part first, then the title, the language, and
 * each part's own problems in part order); returns nothing when all is well.
 */
export function checkDocx(parts: XmlParts, document: string, options: { known?: ReadonlySet<string> } = {}): void {
  const findings: { part: string; finding: Finding }[] = [];
  for (const [part, xml] of parts) {
    // Parts already checked, the same in every document of a run (a template's styles, theme, fonts), are not read again.
    if (options.known?.has(part)) continue;
    const checks = checksFor(part);
    walkXml(xml, document, part, combined(checks));
    for (const check of checks) {
      const finding = check.result();
      if (finding) findings.push({ part, finding });
    }
  }
  const missing = parts.has('docProps/core.xml') ? [] : [{ part: 'docProps/core.xml', finding: title().result()! }];
  const noStyles = parts.has('word/styles.xml') ? [] : [{ part: 'word/styles.xml', finding: language().result()! }];
  const rank = (f: Finding) => (f.code === 'no-title' ? 0 : f.code === 'no-language' ? 1 : 2);
  const first = [...missing, ...noStyles, ...findings].sort((a, b) => rank(a.finding) - rank(b.finding))[0];
  if (first) throw new DocxError(first.finding.code, `${document} was not written: ${first.finding.problem}`);
}
