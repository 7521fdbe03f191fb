import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** The XML parts of a DOCX, by path; each is parsed strictly by `parseStrict` in the tests. */
export function xmlParts(docx: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [path, data] of Object.entries(unzipSync(docx)))
    if (/\.(xml|rels)$/.test(path)) parts.set(path, strFromU8(data));
  return parts;
}

/** Parses XML strictly (namespaces included); throws on the first error. */
export function parseStrict(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on('error', (e) => void (failure ??= e));
  parser.write(xml).close();
  if (failure) throw failure;
}

/** One paragraph of document.xml as a reader sees it. */
export interface WordParagraph {
  style: string;
  text: string;
  /** Row and cell of the table it is in (first level), or undefined outside tables. */
  cell?: { table: number; row: number; column: number };
}

/**
 * Reads document.xml's paragraphs with saxes: w:t text, w:tab as a tab and
 * w:br as a newline, with the paragraph style and its table cell.
 */
export function wordParagraphs(documentXml: string): WordParagraph[] {
  const out: WordParagraph[] = [];
  const parser = new SaxesParser();
  let current: WordParagraph | undefined;
  let inText = false;
  let table = -1;
  let depth = 0;
  let row = -1;
  let column = -1;
  let inRun = false;
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (name === 'w:tbl') {
      if (depth === 0) {
        table++;
        row = -1;
      }
      depth++;
    } else if (name === 'w:tr' && depth === 1) {
      row++;
      column = -1;
    } else if (name === 'w:tc' && depth === 1) column++;
    else if (name === 'w:p') current = { style: '', text: '', ...(depth > 0 ? { cell: { table, row, column } } : {}) };
    else if (name === 'w:pStyle' && current) current.style = String(tag.attributes['w:val'] ?? '');
    else if (name === 'w:r') inRun = true;
    else if (name === 'w:t') inText = true;
    else if (name === 'w:tab' && inRun && current) current.text += '\t';
    else if (name === 'w:br' && inRun && current) current.text += '\n';
  });
  parser.on('text', (text) => {
    if (inText && current) current.text += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    else if (tag.name === 'w:r') inRun = false;
    else if (tag.name === 'w:tbl') depth--;
    else if (tag.name === 'w:p' && current) {
      out.push(current);
      current = undefined;
    }
  });
  parser.write(documentXml).close();
  return out;
}

/** Whether a command is on the PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

type PandocNode = { t: string; c?: unknown };

/** Inline text as pandoc reads it: spaces as spaces, line breaks as newlines. */
function inlineText(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  return (nodes as PandocNode[])
    .map((n) => {
      switch (n.t) {
        case 'Str':
          return n.c as string;
        case 'Space':
        case 'SoftBreak':
          return ' ';
        case 'LineBreak':
          return '\n';
        case 'Code':
          return (n.c as [unknown, string])[1];
        case 'Link':
        case 'Image':
        case 'Span':
          return inlineText((n.c as unknown[])[1]);
        case 'Quoted': {
          const [kind, inner] = n.c as [{ t: string }, unknown];
          const q = kind.t === 'DoubleQuote' ? '"' : "'";
          return q + inlineText(inner) + q;
        }
        default:
          return inlineText(n.c);
      }
    })
    .join('');
}

function blocksText(blocks: unknown): string {
  return (blocks as PandocNode[]).map((b) => (b.t === 'Plain' || b.t === 'Para' ? inlineText(b.c) : '')).join('\n');
}

/** What pandoc reads from a DOCX: its headings and its tables' cells (header rows apart). */
export interface PandocReading {
  headings: { level: number; text: string }[];
  tables: { head: string[][]; body: string[][] }[];
}

type PandocRow = [unknown, [unknown, unknown, number, number, unknown][]];

/** Runs `pandoc -f docx -t json` on a file and reads headings and tables from its document tree. */
export function pandocRead(file: string): PandocReading {
  const result = spawnSync('pandoc', ['-f', 'docx', '-t', 'json', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  const doc = JSON.parse(result.stdout) as { blocks: PandocNode[] };
  const rows = (list: PandocRow[]) => list.map(([, cells]) => cells.map((cell) => blocksText(cell[4])));
  const reading: PandocReading = { headings: [], tables: [] };
  for (const block of doc.blocks) {
    if (block.t === 'Header') {
      const [level, , inlines] = block.c as [number, unknown, unknown];
      reading.headings.push({ level, text: inlineText(inlines) });
    } else if (block.t === 'Table') {
      const c = block.c as unknown[];
      const head = rows((c[3] as [unknown, PandocRow[]])[1]);
      const body = (c[4] as [unknown, unknown, PandocRow[], PandocRow[]][]).flatMap(([, , h, b]) => [
        ...rows(h),
        ...rows(b),
      ]);
      reading.tables.push({ head, body });
    }
  }
  return reading;
}

/** Collapses runs of whitespace, as readers differ in how they report them. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markdown source text without backslash escapes (`\#` → `#`). */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The headings of Markdown written by the templates, one per `#` line. */
export function markdownHeadings(markdown: string): { level: number; text: string }[] {
  return [...markdown.matchAll(/^(#{1,6}) (.*)$/gm)].map((m) => ({ level: m[1].length, text: unescape(m[2]) }));
}

/** The tables of Markdown written by the templates: rows of cells as a reader sees them (strong emphasis markers left out), the delimiter row left out. */
export function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    const cells = line
      .replace(/^\| ?/, '')
      .replace(/ ?\|$/, '')
      .split(/(?<!\\) ?\| ?/)
      .map((cell) =>
        unescape(cell.replace(/(?<!\\)\*\*/g, ''))
          .replace(/<br>/g, '\n')
          .trim(),
      );
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    current.push(cells);
  }
  return tables;
}
