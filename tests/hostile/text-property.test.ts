import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/docx/convert.js';
import type { Io } from '../../src/io/io.js';
import { readDataFolder, type DataFolder } from '../../src/load/folder.js';
import { parseSource } from '../../src/load/source.js';
import { parseQuarter } from '../../src/periods/periods.js';
import { paperContext, quarterlyPapers } from '../../src/render/build-papers.js';
import { loadTemplates, type TemplateSet } from '../../src/render/templates.js';
import { XML_INVALID } from '../../src/diagnostics/characters.js';
import { validateFolder } from '../../src/validate/validate.js';
import { wordParagraphs, xmlParts } from '../docx/read.js';
import { ROOT } from '../helpers/cli.js';
import { GOLDEN_COUNCIL } from '../helpers/dataset.js';
import { normalise, parseMarkdown, readText, skeleton, type Skeleton } from '../helpers/markdown.js';

/**
 * Any string at all, written into a text field of an update in a department
 * file, goes through the whole pipeline (YAML text → loader → validation →
 * model → Markdown → DOCX) and either gets a validation error at the string
 * itself, or comes out in the Markdown and in the DOCX with its text intact
 * and the documents' structure unchanged.
 */

const QUARTER = parseQuarter('2023/24-Q1')!;
const COMMITTEE = 'places-pac';
const HOUSING = path.join('activities', 'housing.yaml');

/** The update fields tried, by the line of the golden council's housing.yaml they replace. */
const SLOTS = [
  {
    field: 'summary',
    prefix: '        summary: ',
    line: '        summary: The pilot started in May and 12 adaptations were fitted through it.\n',
  },
  {
    field: 'youSaid',
    prefix: '          - youSaid: ',
    line: '          - youSaid: Tell us if the adaptation worked, not just how fast it was.\n',
  },
  {
    field: 'barrier',
    prefix: '          - barrier: ',
    line: '          - barrier: Officers were moved to damp inspections for three weeks.\n',
  },
] as const;

/** Where each slot's value lands in the loaded data. */
function valueAt(data: unknown, field: string): unknown {
  const update = (data as { activities: { updates: Record<string, unknown>[] }[] }).activities[0].updates[2];
  if (field === 'summary') return update['summary'];
  if (field === 'youSaid') return (update['outcomes'] as Record<string, unknown>[])[0]['youSaid'];
  return (update['barriers'] as Record<string, unknown>[])[0]['barrier'];
}

/** Pieces that mean something to Markdown, HTML, Handlebars, XML or Unicode layout. */
const PIECES = [
  '|',
  '#',
  '# ',
  '## ',
  '- ',
  '* ',
  '1. ',
  '2.1 ',
  '*',
  '**',
  '_',
  '`',
  '```',
  '~~',
  '[a](b)',
  '![x](y)',
  '<br>',
  '<b>',
  '</p>',
  '<!-- -->',
  '&amp;',
  '&#42;',
  '&',
  '\\',
  '> ',
  '---',
  '===',
  '{{x}}',
  '{{> values}}',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  '  ',
  '\u00A0',
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDFFF',
  '\u200E',
  '\u200F',
  '\u202B',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u200B',
  '😀',
  '👩🏽‍🦽',
  '🏳️‍🌈',
  'e\u0301',
  '\u0301\u0301',
  'ﷺ',
  'مرحبا بالعالم',
  'שלום',
  '£',
  '’',
  '"',
  "'",
];
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const short = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ unit: anyCodeUnit, maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));
const long = fc
  .tuple(fc.constantFrom('word ', 'Ω ', '😀', '| ', 'a'), fc.integer({ min: 2_000, max: 30_000 }))
  .map(([piece, n]) => piece.repeat(n));
const anyText = fc.oneof({ weight: 6, arbitrary: short }, { weight: 1, arbitrary: long });

/** What a reader gets from a DOCX: each paragraph's style and table cell (its structure), and all its text. */
function readDocx(docx: Uint8Array): { structure: string[]; text: string } {
  const paragraphs = wordParagraphs(xmlParts(docx).get('word/document.xml')!);
  return {
    structure: paragraphs.map((p) => `${p.style}${p.cell ? ` t${p.cell.table}r${p.cell.row}c${p.cell.column}` : ''}`),
    text: paragraphs.map((p) => p.text).join(' '),
  };
}

describe('any text in an update field: a diagnostic at its position, or intact in Markdown and DOCX', () => {
  let folder: DataFolder;
  let housing: number;
  let original: string;
  let templates: TemplateSet;
  const baselines = new Map<string, { markdown: Skeleton; docx: string[] }>();

  beforeAll(async () => {
    const stdin = new PassThrough();
    stdin.end();
    const io: Io = {
      cwd: GOLDEN_COUNCIL,
      env: {},
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin,
      fs: fsp,
    };
    folder = await readDataFolder('.', io);
    housing = folder.activities.findIndex((s) => s.path === HOUSING);
    original = folder.activities[housing].text;
    for (const slot of SLOTS) expect(original).toContain(slot.line);
    templates = await loadTemplates({ ...io, cwd: ROOT });
  });

  /** The department file with `value` written as a YAML double-quoted scalar in a slot, and where the scalar is. */
  function withValue(slot: (typeof SLOTS)[number], value: string): { text: string; start: number; end: number } {
    // JSON's string syntax is a subset of YAML's double-quoted scalars: every escape it writes means the same in YAML.
    const quoted = JSON.stringify(value);
    const text = original.replace(slot.line, `${slot.prefix}${quoted}\n`);
    const start = original.indexOf(slot.line) + slot.prefix.length;
    return { text, start, end: start + quoted.length };
  }

  /** Loads, validates and (when valid) renders the council with the slot holding `value`. */
  async function pipeline(slot: (typeof SLOTS)[number], value: string) {
    const { text, start, end } = withValue(slot, value);
    const parsed = parseSource(HOUSING, new TextEncoder().encode(text));
    const activities = folder.activities.map((s, i) => (i === housing ? parsed.source : s));
    const result = validateFolder({ ...folder, activities, diagnostics: parsed.diagnostics });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || !result.dataset) return { parsed, errors, start, end };
    const [paper] = quarterlyPapers(paperContext(result.dataset, templates), QUARTER, [COMMITTEE]);
    const docx = await markdownToDocx(paper.markdown, paper.meta);
    return { parsed, errors, start, end, markdown: paper.markdown, docx };
  }

  async function baseline(slot: (typeof SLOTS)[number]) {
    let known = baselines.get(slot.field);
    if (!known) {
      const run = await pipeline(slot, 'Qzxtokenzxq');
      expect(run.errors).toEqual([]);
      known = { markdown: skeleton(parseMarkdown(run.markdown!)), docx: readDocx(run.docx!).structure };
      baselines.set(slot.field, known);
    }
    return known;
  }

  it('holds for every string tried', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SLOTS), anyText, async (slot, value) => {
        const where = `${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} in ${slot.field}`;
        const run = await pipeline(slot, value);
        // The YAML the string was written as reads back as exactly the string.
        expect(run.parsed.diagnostics, where).toEqual([]);
        expect(valueAt(run.parsed.source.data, slot.field), where).toBe(value);

        const refused = XML_INVALID.test(value) || value.trim() === '';
        if (refused) {
          expect(run.errors.length, `an error for ${where}`).toBeGreaterThan(0);
          for (const e of run.errors) {
            expect(e.file, where).toBe(HOUSING);
            expect(['invalid-character', 'invalid-value'], where).toContain(e.code);
            expect(e.range![0], `${e.code} at the string, ${where}`).toBeGreaterThanOrEqual(run.start);
            expect(e.range![1], `${e.code} at the string, ${where}`).toBeLessThanOrEqual(run.end);
          }
          return;
        }
        expect(run.errors, where).toEqual([]);
        const base = await baseline(slot);
        const shown = normalise(value);

        const root = parseMarkdown(run.markdown!);
        const markdown = skeleton(root);
        expect(markdown.blocks, `Markdown blocks with ${where}`).toEqual(base.markdown.blocks);
        expect(markdown.tables, `Markdown table rows and cells with ${where}`).toEqual(base.markdown.tables);
        expect(markdown.headings, `Markdown headings with ${where}`).toEqual(base.markdown.headings);
        expect(normalise(readText(root)).includes(shown), `the text in the Markdown, ${where}`).toBe(true);

        const docx = readDocx(run.docx!);
        expect(docx.structure, `DOCX paragraphs, styles and cells with ${where}`).toEqual(base.docx);
        expect(normalise(docx.text).includes(shown), `the text in the DOCX, ${where}`).toBe(true);
      }),
      { seed: 20240917, numRuns: 40 },
    );
  }, 120_000);
});
