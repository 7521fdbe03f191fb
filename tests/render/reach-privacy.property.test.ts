import fc from 'fast-check';
import type { Root, RootContent, Table } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHalf, parseQuarter } from '../../src/periods/periods.js';
import { paperContext, quarterlyPapers, summaryPaper } from '../../src/render/build-papers.js';
import { loadTemplates, type TemplateSet } from '../../src/render/templates.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { GOLDEN_COUNCIL, loadDataset } from '../helpers/dataset.js';
import { quietIo } from '../helpers/later-data.js';
import { normalise, parseMarkdown, readText } from '../helpers/markdown.js';

/**
 * For random reach data, render the real papers (a committee's quarterly
 * update and the Board's summary) and read them back as a reader would: parse
 * the Markdown, take every published number in the "Who took part" tables,
 * and try to work out each hidden count from the totals. No hidden count may
 * be pinned to one value, a "fewer than" count must stay anything from 1 to
 * the threshold, and no hidden count may be printed anywhere else.
 */

const LETTERS = 'ABCDEF';

interface Scenario {
  threshold: number;
  dimensions: number[];
  /** For every update of the fixture council: residents, and per dimension either no counts or one count per category (+ prefer not to say). */
  updates: { residents: number; counts: (number[] | null)[] }[];
}

function categoryName(d: number, c: number): string {
  return `Dimension ${LETTERS[d]} group ${LETTERS[c]}`;
}

/** The fixture council with the scenario's reach dimensions and counts put in. */
function withReach(base: Dataset, s: Scenario): Dataset {
  // Only the data is copied: the records' sources (with their position tables) are shared.
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const dataset: Dataset = {
    ...base,
    council: copy(base.council),
    departments: base.departments.map((d) => ({ ...d, activities: copy(d.activities) })),
  };
  dataset.council.privacy = { smallNumber: s.threshold };
  dataset.council.reach = {
    dimensions: s.dimensions.map((size, d) => ({
      id: `dim-${d}`,
      name: `Dimension ${LETTERS[d]}`,
      categories: Array.from({ length: size }, (_, c) => ({
        id: `cat-${c}`,
        name: categoryName(d, c),
        ...(c % 2 === 0 ? { population: 10 + c } : {}),
      })),
    })),
  };
  let k = 0;
  for (const file of dataset.departments) {
    for (const activity of file.activities) {
      for (const update of activity.updates) {
        const u = s.updates[k++ % s.updates.length];
        update.residents = u.residents;
        update.coChairs = 0;
        const reach: Record<string, Record<string, number>> = {};
        u.counts.forEach((counts, d) => {
          if (!counts || d >= s.dimensions.length) return;
          // Scale down so the dimension never counts more than the residents involved.
          const cells = counts.slice(0, s.dimensions[d] + 1);
          const sum = cells.reduce((a, b) => a + b, 0);
          const scaled = sum <= u.residents ? cells : cells.map((c) => Math.floor((c * u.residents) / sum));
          reach[`dim-${d}`] = Object.fromEntries(
            scaled.map((c, i) => [i < s.dimensions[d] ? `cat-${i}` : 'prefer-not-to-say', c]),
          );
        });
        if (Object.keys(reach).length > 0) update.reach = reach;
        else delete update.reach;
      }
    }
  }
  return dataset;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  threshold: fc.integer({ min: 2, max: 6 }),
  dimensions: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  updates: fc.array(
    fc.record({
      residents: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 })),
      counts: fc.array(
        fc.option(
          fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 12 })), {
            minLength: 6,
            maxLength: 6,
          }),
          { nil: null },
        ),
        { minLength: 3, maxLength: 3 },
      ),
    }),
    { minLength: 4, maxLength: 12 },
  ),
});

/** The blocks of the "Who took part, by group" part of a paper. */
function whoTookPartBlocks(root: Root): RootContent[] {
  const start = root.children.findIndex(
    (n) => n.type === 'heading' && normalise(readText(n)) === 'Who took part, by group',
  );
  expect(start).toBeGreaterThan(0);
  const end = root.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= 4);
  return root.children.slice(start + 1, end);
}

type Read = { kind: 'exact'; value: number } | { kind: 'small' } | { kind: 'hidden' };

function readCell(text: string, threshold: number): Read {
  if (text === `fewer than ${threshold + 1}`) return { kind: 'small' };
  if (text === 'not shown') return { kind: 'hidden' };
  const m = /^([\d,]+)(?: \((\d+)%\))?$/.exec(text);
  expect(m, `a cell a reader cannot read: "${text}"`).not.toBeNull();
  return { kind: 'exact', value: Number(m![1].replace(/,/g, '')) };
}

/** Every value a hidden cell can take, given all the reader knows of the column: brute force over the values, not the module's formula. */
function possibleValues(cells: Read[], total: number, threshold: number, i: number): number[] {
  const withheld = cells.every((c) => c.kind === 'hidden');
  const bounds = cells.map((c) =>
    c.kind === 'exact'
      ? [c.value, c.value]
      : c.kind === 'small'
        ? [1, threshold]
        : withheld
          ? [0, total]
          : [threshold + 1, total],
  );
  const hiddenSum = total - cells.reduce((a, c) => a + (c.kind === 'exact' ? c.value : 0), 0);
  const others = cells.map((_, j) => j).filter((j) => j !== i && cells[j].kind !== 'exact');
  const lo = others.reduce((a, j) => a + bounds[j][0], 0);
  const hi = others.reduce((a, j) => a + bounds[j][1], 0);
  const values: number[] = [];
  for (let v = bounds[i][0]; v <= Math.min(bounds[i][1], hiddenSum); v++)
    if (hiddenSum - v >= lo && hiddenSum - v <= hi) values.push(v);
  return values;
}

/** The true count of each group, worked out here from the data, independently of the model. */
function truthOf(
  dataset: Dataset,
  departments: readonly string[] | undefined,
  quarters: readonly string[],
): (dimension: string, group: string) => number {
  const updates = dataset.departments
    .filter((f) => !departments || departments.includes(f.department))
    .flatMap((f) => f.activities.flatMap((a) => a.updates.filter((u) => quarters.includes(u.quarter))));
  return (dimensionName, group) => {
    const dimension = dataset.council.reach!.dimensions.find((d) => d.name === dimensionName)!;
    const counts = updates.map((u) => u.reach?.[dimension.id] ?? {});
    const ids = [...dimension.categories.map((c) => c.id), 'prefer-not-to-say'];
    const id =
      group === 'Prefer not to say'
        ? 'prefer-not-to-say'
        : group === 'Not recorded'
          ? undefined
          : dimension.categories.find((c) => c.name === group)!.id;
    if (id !== undefined) return counts.reduce((a, c) => a + (c[id] ?? 0), 0);
    const residents = updates.reduce((a, u) => a + u.residents, 0);
    return residents - counts.reduce((a, c) => a + ids.reduce((b, i) => b + (c[i] ?? 0), 0), 0);
  };
}

type Truth = (columnHeading: string) => (dimension: string, group: string) => number;

/** How many cells of each kind the run read: the property must have met small and hidden counts to mean anything. */
const seen = { exact: 0, small: 0, hidden: 0 };

/** Checks one paper: every who-took-part table, in each period column. */
function checkPaper(markdown: string, threshold: number, truth: Truth): void {
  const blocks = whoTookPartBlocks(parseMarkdown(markdown));
  const tables = blocks.filter((b): b is Table => b.type === 'table');
  const prose = blocks.filter((b) => b.type !== 'table').map((b) => normalise(readText(b)));
  for (const table of tables) {
    const rows = table.children.map((r) => r.children.map((c) => normalise(readText(c))));
    const header = rows[0];
    const body = rows.slice(1, -1);
    const totalRow = rows.at(-1)!;
    expect(totalRow[0]).toBe('All residents involved');
    for (const column of [1, 2].filter((c) => /quarter|half-year/i.test(header[c] ?? ''))) {
      const total = Number(totalRow[column].replace(/,/g, ''));
      const cells = body.map((r) => readCell(r[column], threshold));
      const anyShare = body.some((r) => /%\)$/.test(r[column]));
      cells.forEach((cell, i) => {
        const group = body[i][0];
        const real = truth(header[column])(header[0], group);
        seen[cell.kind]++;
        // What is published is true: exact counts as they are, "fewer than" for 1 to the threshold, hidden ones above it.
        if (cell.kind === 'exact') return expect(cell.value).toBe(real);
        if (cell.kind === 'small') expect(real >= 1 && real <= threshold).toBe(true);
        // A share is printed only where its denominator is itself published.
        expect(body[i][column]).not.toMatch(/%/);
        const values = possibleValues(cells, total, threshold, i);
        expect(
          values.length,
          `${group} in "${header[column]}" can be worked out: ${values.join(', ')}`,
        ).toBeGreaterThanOrEqual(2);
        if (cell.kind === 'small') expect([values[0], values.at(-1)]).toEqual([1, Math.min(threshold, values.at(-1)!)]);
        if (cell.kind === 'small' && !cells.every((c) => c.kind !== 'exact')) expect(values.at(-1)).toBe(threshold);
        // The hidden count is not printed next to the group's name anywhere else in the part.
        if (real >= 1 && real <= threshold) {
          // Paragraphs naming the council's group (the built-in rows' names are ordinary words the intro uses too).
          const named =
            group === 'Prefer not to say' || group === 'Not recorded' ? [] : prose.filter((t) => t.includes(group));
          for (const p of named) {
            const numbers = [...p.matchAll(/(?<![\d.])(\d+)(?![\d.%])/g)].map((m) => Number(m[1]));
            expect(numbers, p).not.toContain(real);
          }
          for (const r of rows.filter((r) => r[0] === group)) expect(r[column]).not.toBe(String(real));
        }
      });
      if (anyShare) {
        for (const name of ['Prefer not to say', 'Not recorded']) {
          const row = body.find((r) => r[0] === name);
          if (row) expect(readCell(row[column], threshold).kind).toBe('exact');
        }
      }
    }
  }
}

describe('no published number lets a hidden count of residents be worked out', () => {
  let base: Dataset;
  let templates: TemplateSet;
  beforeAll(async () => {
    base = await loadDataset(GOLDEN_COUNCIL);
    templates = await loadTemplates(quietIo());
  });

  it('in every committee update and in the Board summary, for random reach data', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const dataset = withReach(base, s);
        const ctx = paperContext(dataset, templates);
        const papers = [
          ...quarterlyPapers(
            ctx,
            parseQuarter('2023/24-Q1')!,
            dataset.council.committees.map((c) => c.id),
          ),
          summaryPaper(ctx, parseHalf('2023/24-H1')!),
        ];
        for (const paper of papers) {
          const committee = dataset.council.committees.find((c) => c.id === paper.body);
          const departments = committee?.departments;
          const columns: Record<string, string[]> = committee
            ? { 'This quarter': ['2023/24-Q1'], 'Last quarter': ['2022/23-Q4'] }
            : { 'This half-year': ['2023/24-Q1', '2023/24-Q2'], 'Previous half-year': ['2022/23-Q3', '2022/23-Q4'] };
          checkPaper(paper.markdown, s.threshold, (heading) => truthOf(dataset, departments, columns[heading]));
        }
      }),
      { seed: 20, numRuns: 80 },
    );
    expect(seen.small).toBeGreaterThan(100);
    expect(seen.hidden).toBeGreaterThan(100);
  });
});
