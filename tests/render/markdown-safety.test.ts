import * as fsp from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/io.js';
import { buildQuarterlyModel } from '../../src/model/quarterly.js';
import { buildSummaryModel } from '../../src/model/summary.js';
import { parseHalf, parseQuarter } from '../../src/periods/periods.js';
import { loadTemplates, type TemplateSet } from '../../src/render/templates.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { XML_INVALID } from '../../src/diagnostics/characters.js';
import { ROOT } from '../helpers/cli.js';
import { GOLDEN_COUNCIL, loadDataset } from '../helpers/dataset.js';
import { normalise, parseMarkdown, readText, skeleton, type Skeleton } from '../helpers/markdown.js';
import { quarterlyCharts, summaryCharts } from '../../src/charts/build.js';
import { buildLookup } from '../../src/model/lookup.js';

/**
 * Any text a council types into any text field must come out of both
 * documents intact, and must not change their structure: no new or lost
 * headings, table rows or cells, lists or paragraphs.
 */

const TEXT_KEYS = new Set([
  'name',
  'title',
  'description',
  'summary',
  'youSaid',
  'weDid',
  'barrier',
  'response',
  'next',
  'reason',
  'narrative',
  'decisionRole',
  'role',
  'team',
  'host',
  'phone',
  'value',
  'alignment',
  'aim',
  'plainTitle',
  'text',
  'wards',
  'backgroundPapers',
  // The council's own words for its bodies, area and framework.
  'area',
  'type',
  'plural',
  'word',
  'abbreviation',
  'item',
  'itemPlural',
  'itemsOf',
  'shortName',
]);
const TOKEN = 'Qzxtokenzxq';

type Path = (string | number)[];

/** Paths to every free-text value of the data (not ids, dates, codes or enums). */
function textPaths(node: unknown, path: Path = [], key = ''): Path[] {
  if (typeof node === 'string') return TEXT_KEYS.has(key) ? [path] : [];
  if (Array.isArray(node)) return node.flatMap((child, i) => textPaths(child, [...path, i], key));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => textPaths(v, [...path, k], k));
  return [];
}

/** The parts of the dataset the models read, as plain data. */
function dataOf(dataset: Dataset) {
  return {
    council: dataset.council,
    framework: dataset.framework,
    departments: dataset.departments.map((d) => ({ activities: d.activities, assessments: d.assessments })),
  };
}

/** A copy of the dataset with some text values replaced. */
function withTexts(dataset: Dataset, values: readonly [Path, string][]): Dataset {
  const data = structuredClone(dataOf(dataset)) as Record<string | number, unknown>;
  for (const [path, value] of values) {
    let node = data;
    for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    node[path.at(-1)!] = value;
  }
  return {
    ...dataset,
    council: data['council'] as Dataset['council'],
    framework: data['framework'] as Dataset['framework'],
    departments: dataset.departments.map((d, i) => ({
      ...d,
      ...(data['departments'] as Pick<Dataset['departments'][number], 'activities' | 'assessments'>[])[i],
    })),
  };
}

function withText(dataset: Dataset, path: Path, value: string): Dataset {
  return withTexts(dataset, [[path, value]]);
}

// With their charts, so that any text in a chart's alternative text or title survives too.
const DOCUMENTS = [
  ...['2023/24-Q1', '2023/24-Q2'].flatMap((q) =>
    ['places-pac', 'people-pac'].map((c) => ({
      template: 'pac-quarterly',
      build: (d: Dataset) => {
        const model = buildQuarterlyModel(d, parseQuarter(q)!, c);
        return { ...model, charts: quarterlyCharts(model, buildLookup(d), parseQuarter(q)!, c) };
      },
    })),
  ),
  {
    template: 'pob-summary',
    build: (d: Dataset) => {
      const model = buildSummaryModel(d, parseHalf('2023/24-H1')!);
      return { ...model, charts: summaryCharts(model, buildLookup(d), parseHalf('2023/24-H1')!, 'pob') };
    },
  },
];

/** Renders the documents numbered `which` (default: all). */
function render(
  templates: TemplateSet,
  dataset: Dataset,
  which: readonly number[] = DOCUMENTS.map((_, i) => i),
): string[] {
  return which.map((i) => templates.render(DOCUMENTS[i].template, DOCUMENTS[i].build(dataset)));
}

/** Pieces that mean something in Markdown, HTML or Handlebars, plus text from other scripts. */
const PIECES = [
  '|',
  '#',
  '# ',
  '-',
  '- ',
  '1.',
  '1)',
  '\n',
  '\r\n',
  '\n\n',
  '😀',
  '👩🏽‍🦽',
  'مرحبا بالعالم',
  'שלום',
  '*',
  '**',
  '_',
  '[',
  ']',
  '](x)',
  '<br>',
  '<b>',
  '&amp;',
  '&#42;',
  '`',
  '```',
  '\\',
  '>',
  '~',
  '+',
  '=',
  '===',
  '---',
  '!',
  '![',
  '{{x}}',
  ':',
  'http://example.com',
  '  ',
  '\t',
  'a',
  'Z',
  '9',
];
const textArb = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join('').trim())
  // The schema trims text and refuses empty values; validation refuses characters Word cannot hold.
  .filter((s) => s !== '' && !XML_INVALID.test(s));

describe('any text survives rendering without breaking the Markdown', () => {
  let dataset: Dataset;
  let templates: TemplateSet;
  /** Each printed text field, with the documents that print it and their structure with a placeholder there. */
  let fields: { path: Path; documents: number[]; baselines: (Skeleton | undefined)[] }[];

  beforeAll(async () => {
    dataset = await loadDataset(GOLDEN_COUNCIL);
    const stdin = new PassThrough();
    stdin.end();
    const io: Io = { cwd: ROOT, env: {}, stdout: { write: () => true }, stderr: { write: () => true }, stdin, fs: fsp };
    templates = await loadTemplates(io);
    // One render with a numbered token in every field shows which documents print which field.
    const paths = textPaths(dataOf(dataset));
    const tokenOf = (i: number) => `${TOKEN}${String(i).padStart(4, '0')}x`;
    const rendered = render(
      templates,
      withTexts(
        dataset,
        paths.map((p, i) => [p, tokenOf(i)]),
      ),
    );
    fields = paths.flatMap((path, i) => {
      const documents = rendered.flatMap((md, d) => (md.includes(tokenOf(i)) ? [d] : []));
      return documents.length === 0 ? [] : [{ path, documents, baselines: [] as (Skeleton | undefined)[] }];
    });
  });

  it('finds the text fields the documents print', () => {
    expect(fields.length).toBeGreaterThan(40);
    const keys = new Set(fields.map((f) => String(f.path.findLast((s) => typeof s === 'string'))));
    // Every free-text field the templates print for the golden council. A recommendation's aim is not printed: the
    // appendix gives the measures served, not the framework again. A description is printed for an activity that
    // is about to start (the plans for the next quarter), a group's host beside its name, the board author's team
    // and a contact's phone in the contacts.
    expect([...keys].sort()).toEqual(
      [
        'alignment',
        'area',
        'backgroundPapers',
        'barrier',
        'decisionRole',
        'description',
        'host',
        'item',
        'itemsOf',
        'name',
        'narrative',
        'next',
        'phone',
        'plainTitle',
        'reason',
        'response',
        'role',
        'summary',
        'team',
        'text',
        'title',
        'type',
        'value',
        'wards',
        'weDid',
        'word',
        'youSaid',
      ].sort(),
    );
  });

  it('keeps headings, tables and blocks, and the text itself', () => {
    fc.assert(
      // Each run checks one field in one of the documents that print it: parsing is the slow part.
      fc.property(fc.nat(), fc.nat(), textArb, (pickField, pickDocument, text) => {
        const field = fields[pickField % fields.length];
        const slot = pickDocument % field.documents.length;
        const document = field.documents[slot];
        field.baselines[slot] ??= skeleton(
          parseMarkdown(render(templates, withText(dataset, field.path, TOKEN), [document])[0]),
        );
        const base = field.baselines[slot];
        const shown = normalise(text);
        const root = parseMarkdown(render(templates, withText(dataset, field.path, text), [document])[0]);
        const where = `${JSON.stringify(text)} in ${field.path.join('.')}, document ${document}`;
        const actual = skeleton(root);
        expect(actual.blocks, `blocks with ${where}`).toEqual(base.blocks);
        expect(actual.tables, `table rows and cells with ${where}`).toEqual(base.tables);
        expect(actual.headings, `headings with ${where}`).toEqual(
          base.headings.map((h) => ({ depth: h.depth, text: h.text.split(TOKEN).join(shown) })),
        );
        expect(normalise(readText(root)).includes(shown), `the text itself, ${where}`).toBe(true);
      }),
      { seed: 20231115, numRuns: 100 },
    );
  }, 120_000);
});
