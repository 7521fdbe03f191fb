import path from 'node:path';
import * as fsp from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { easyReadQuarterlyPapers, easyReadSummaryPaper } from '../../src/easy-read/papers.js';
import { builtInHardWords, markHardWords } from '../../src/easy-read/hard-words.js';
import { easyReadQuarterly } from '../../src/easy-read/quarterly.js';
import { easyReadSummary } from '../../src/easy-read/summary.js';
import { easyReadView, type EasyReadView } from '../../src/easy-read/view.js';
import { MAX_WORDS, sentencesOf, wordCount } from '../../src/easy-read/sentences.js';
import { buildLookup } from '../../src/model/lookup.js';
import { buildQuarterlyModel } from '../../src/model/quarterly.js';
import { buildSummaryModel } from '../../src/model/summary.js';
import { termsOf } from '../../src/model/terms.js';
import { parseHalf, parseQuarter, quartersOfHalf } from '../../src/periods/periods.js';
import { paperContext } from '../../src/render/build-papers.js';
import { loadTemplates } from '../../src/render/templates.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { FIXTURES } from '../helpers/cli.js';
import { GOLDEN_COUNCIL, loadDataset, SAMPLE_COUNCIL } from '../helpers/dataset.js';

/**
 * The Easy Read companions' words, from the model: every sentence of every
 * companion of three councils (the sample, the second council with its
 * Scrutiny Panels, the golden council) keeps to Easy Read practice.
 */

const COUNCILS = {
  sample: { dir: SAMPLE_COUNCIL, halves: ['2023/24-H1'] },
  second: { dir: path.join(FIXTURES, 'second-council'), halves: ['2024/25-H1', '2024/25-H2'] },
  golden: { dir: GOLDEN_COUNCIL, halves: ['2023/24-H1'] },
};

const datasets = new Map<string, Dataset>();

beforeAll(async () => {
  for (const [name, { dir }] of Object.entries(COUNCILS)) datasets.set(name, await loadDataset(dir));
});

/** Every companion of a council, as the templates see it. */
function views(name: keyof typeof COUNCILS): { name: string; view: EasyReadView; dataset: Dataset }[] {
  const dataset = datasets.get(name)!;
  const lookup = buildLookup(dataset);
  const terms = termsOf(dataset);
  const out: { name: string; view: EasyReadView; dataset: Dataset }[] = [];
  for (const id of COUNCILS[name].halves) {
    const half = parseHalf(id)!;
    const doc = easyReadSummary(buildSummaryModel(dataset, half, {}, lookup), lookup);
    out.push({ name: `${name} ${id}`, view: easyReadView(doc, terms, dataset.council.easyRead, 'x'), dataset });
    for (const quarter of quartersOfHalf(half))
      for (const c of dataset.council.committees) {
        const model = buildQuarterlyModel(dataset, quarter, c.id, {}, lookup);
        const q = easyReadQuarterly(model, lookup);
        out.push({
          name: `${name} ${c.id} ${model.period.id}`,
          view: easyReadView(q, terms, dataset.council.easyRead, 'x'),
          dataset,
        });
      }
  }
  return out;
}

/** The words of every row (label and sentences), with hard words unbolded. */
function rowTexts(view: EasyReadView): string[] {
  const rows = [...view.cover, ...view.sections.flatMap((s) => s.rows), ...(view.hardWords?.rows ?? [])];
  return rows.flatMap((r) => [r.lead.map((p) => p.text).join(''), r.parts.map((p) => p.text).join('')]);
}

describe.each(Object.keys(COUNCILS) as (keyof typeof COUNCILS)[])(
  'the Easy Read companions of the %s council',
  (name) => {
    it(`have no sentence or label over ${MAX_WORDS} words`, () => {
      const long: string[] = [];
      for (const { name: paper, view } of views(name))
        for (const text of rowTexts(view))
          for (const s of sentencesOf(text)) if (wordCount(s) > MAX_WORDS) long.push(`${paper}: ${s}`);
      expect(long).toEqual([]);
    });

    it('write no percentages, and numbers as digits', () => {
      for (const { name: paper, view } of views(name)) {
        const text = rowTexts(view).join('\n');
        expect(text, paper).not.toMatch(/%|per ?cent/i);
        expect(text, paper).not.toMatch(/\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i);
        // A count of nothing reads as a number, not as "none": "0 are not done yet" says nothing a reader needs.
        expect(text, paper).not.toMatch(/(^|[.:]\s+)0 \w/m);
      }
    });

    it("never abbreviate the council's committees or board, and use its own committee word", () => {
      for (const { name: paper, view, dataset } of views(name)) {
        const text = rowTexts(view).join('\n');
        const terms = dataset.council.terms;
        for (const short of [terms.committee.abbreviation, terms.board.abbreviation].filter((s) => s !== undefined))
          expect(text, paper).not.toMatch(new RegExp(`\\b${short}\\b`));
        if (terms.committee.word !== 'Committee') expect(text, paper).not.toMatch(/\bcommittees?\b/i);
        expect(text, paper).toContain(terms.committee.word);
        // Every section Easy Read guidance asks for, in order, and the hard words last.
        expect(view.sections.map((s) => s.heading)).toEqual([
          'What this is about',
          'What we did with Disabled residents',
          'What changed because of what you told us',
          'What did not go well and what we are doing',
          'What happens next',
          'How to tell us what you think',
        ]);
      }
    });

    it('give every row a picture with alternative text, and list each hard word used, bold where first used', () => {
      for (const { name: paper, view } of views(name)) {
        const rows = [...view.cover, ...view.sections.flatMap((s) => s.rows)];
        for (const row of [...rows, ...(view.hardWords?.rows ?? [])]) {
          expect(row.picture.alt.trim(), paper).not.toBe('');
          expect(row.picture.icon, paper).toMatch(/^[a-z0-9-]+$/);
        }
        const bold = rows
          .flatMap((r) => [...r.lead, ...r.parts])
          .filter((p) => p.bold)
          .map((p) => p.text.toLowerCase());
        const listed = (view.hardWords?.rows ?? []).map((r) => r.lead[0].text.toLowerCase());
        // Each listed word is bold once in the body; nothing is bold that is not listed.
        expect(bold.length, paper).toBe(listed.length);
        expect(new Set(bold).size, paper).toBe(bold.length);
      }
    });
  },
);

describe('hard words', () => {
  it('are listed only when used, in the order of first use, and bolded only where first used', () => {
    const words = builtInHardWords(termsOf(datasets.get('second')!));
    const { parts, used } = markHardWords(
      ['Each Panel met.', 'The Panel and the Commission spoke about co-production.', 'Co-production again.'],
      words,
      ['Housing and Communities Scrutiny Panel'],
    );
    expect(used.map((w) => w.word)).toEqual(['Panel', 'Commission', 'co-production']);
    expect(parts[1].filter((p) => p.bold).map((p) => p.text)).toEqual(['Commission', 'co-production']);
    expect(parts[2].some((p) => p.bold)).toBe(false);
    expect(used.map((w) => w.word)).not.toContain('councillors');
  });

  it('inside a proper name do not count as a use', () => {
    const words = builtInHardWords(termsOf(datasets.get('second')!));
    const { used } = markHardWords(['It is for the Housing and Communities Scrutiny Panel.'], words, [
      'Housing and Communities Scrutiny Panel',
    ]);
    expect(used).toEqual([]);
  });
});

describe("a council's own pictures and hard words (council.yaml easyRead)", () => {
  it("replace a topic's icon (with its alternative text when given) and explain a built-in word its own way, or add one", async () => {
    const base = datasets.get('sample')!;
    const dataset: Dataset = {
      ...base,
      council: {
        ...base.council,
        easyRead: {
          pictures: { meeting: 'building-community', said: { icon: 'message', alt: 'Someone speaking' } },
          hardWords: { 'Co-production': 'Working together as equals.', 'Civic Campus': 'The new council building.' },
        },
      },
    };
    const ctx = paperContext(dataset, await loadTemplates({ cwd: '/', fs: fsp } as never), undefined, false);
    const summary = easyReadSummaryPaper(ctx, parseHalf('2023/24-H1')!);
    const meeting = summary.pictures!.find((p) => p.file.endsWith('-meeting.png'))!;
    expect(meeting.icon).toBe('building-community');
    expect(meeting.alt).toBe('People at a meeting');
    const said = summary.pictures!.find((p) => p.file.endsWith('-said.png'))!;
    expect(said).toMatchObject({ icon: 'message', alt: 'Someone speaking' });
    expect(summary.markdown).toContain('Working together as equals.');
    const [economy] = easyReadQuarterlyPapers(ctx, parseQuarter('2023/24-Q1')!, ['economy-pac']);
    // The economy committee's activities are on the Civic Campus: the word is bold where first used and explained.
    expect(economy.markdown).toContain('**Civic Campus**');
    expect(economy.markdown).toContain('The new council building.');
    expect(summary.markdown).not.toContain('The new council building.');
  });
});
