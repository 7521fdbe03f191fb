import { beforeAll, describe, expect, it } from 'vitest';
import { buildSummaryModel, type SummaryModel } from '../../src/model/summary.js';
import { parseHalf } from '../../src/periods/periods.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { GOLDEN_COUNCIL, loadDataset, SAMPLE_COUNCIL } from '../helpers/dataset.js';

const H1 = parseHalf('2023/24-H1')!;

describe('buildSummaryModel on the fixture council', () => {
  let dataset: Dataset;
  let model: SummaryModel;
  beforeAll(async () => {
    dataset = await loadDataset(GOLDEN_COUNCIL);
    model = buildSummaryModel(dataset, H1);
  });

  it('addresses the Policy and Oversight Board with the date from its calendar', () => {
    expect(model.header.reportTo).toBe('Policy and Oversight Board');
    expect(model.header.date).toBe('15 November 2023');
    expect(model.header.dateConfirmed).toBe(true);
    expect(model.half).toMatchObject({ id: '2023/24-H1', words: 'April to September 2023' });
    expect(model.previous.words).toBe('October 2022 to March 2023');
    expect(model.quarters.map((q) => q.id)).toEqual(['2023/24-Q1', '2023/24-Q2']);
  });

  it('a --date given on the command line wins over the calendar', () => {
    expect(buildSummaryModel(dataset, H1, { date: '2023-12-01' }).header.date).toBe('1 December 2023');
  });

  it('says "Date to be confirmed" when the calendar has no meeting for the half', () => {
    const h2 = parseHalf('2023/24-H2')!;
    expect(buildSummaryModel(dataset, h2).header).toMatchObject({ date: 'Date to be confirmed', dateConfirmed: false });
  });

  it('adds up the half: each activity once, residents and money over both quarters', () => {
    // h-adaptations (Q1, Q2), c-direct-payments (Q1, Q2), c-training (Q1, Q2), c-evaluation (Q2).
    expect(model.figures.activities).toBe(4);
    expect(model.figures.residents).toBe(7 + 8 + 7 + 6 + 3 + 3 + 9);
    expect(model.figures.coChairs).toBe(4);
    expect(model.figures.outcomes).toBe(3);
    expect(model.figures.total).toBe(6370.5);
    // Previous half: h-adaptations, h-allocations, c-direct-payments (Q4), c-evaluation.
    expect(model.previousFigures.activities).toBe(4);
    expect(model.previousFigures.residents).toBe(8 + 9 + 6 + 5 + 6 + 5 + 5);
  });

  it('compares the half with the previous one in numbers and words', () => {
    const row = (label: string) => model.totals.rows.find((r) => r.label.startsWith(label))!;
    expect(row('Activities reporting progress')).toEqual({
      label: 'Activities reporting progress',
      current: '4',
      previous: '4',
      change: 'No change',
    });
    expect(row('Resident involvements')).toMatchObject({ current: '43', previous: '44', change: 'Down 1' });
    expect(row('Changes made')).toMatchObject({ current: '3', previous: '1', change: 'Up 2' });
    expect(row('Total spend')).toMatchObject({ current: '£6,370.50', previous: '£2,970', change: 'Up £3,400.50' });
    expect(model.hasPrevious).toBe(true);
  });

  it('counts activities per committee and recommendation in the coverage matrix: a row per committee, a column per recommendation', () => {
    expect(model.coverage.rows.map((c) => c.shortName)).toEqual(['Places PAC', 'People PAC']);
    expect(model.coverage.numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const column = (n: number) => [...model.coverage.rows.map((r) => r.cells[n - 1]), model.coverage.all.cells[n - 1]];
    expect(column(2)).toEqual([1, 0, 1]);
    expect(column(5)).toEqual([1, 1, 2]);
    expect(column(6)).toEqual([0, 0, 0]);
    expect(column(8)).toEqual([0, 1, 1]);
  });

  it('names the gaps, tabulates them by committee and asks the Board one question about them', () => {
    const gaps = model.coverage.gaps.map((g) => g.text);
    expect(gaps).toContain(
      'No department reported activity on recommendation 6 (Resourcing co-production) in April to September 2023.',
    );
    expect(model.coverage.gapRows.find((g) => g.committee === 'People PAC')?.list).toMatch(/^2, /);
    const recs = model.recommendations.map((r) => r.text);
    expect(recs[0]).toMatch(/^That the Board notes/);
    expect(recs.filter((r) => r.includes('table of gaps'))).toHaveLength(1);
    expect(recs.some((r) => r.includes('recommendation 6 (Resourcing co-production)'))).toBe(true);
  });

  it('lists the plan due in 2023/24-Q1 that no update has answered by the end of the half, and only that one, with since when', () => {
    expect(model.open.rows).toEqual([
      expect.objectContaining({
        since: 'April to June 2023',
        committee: 'Places PAC',
        department: 'Housing Department',
        activity: 'Accessible housing register review',
        plan: 'Test the template on ten empty homes.',
      }),
    ]);
  });

  it('gives each recommendation a status and a direction of travel against the previous half', () => {
    const rec = (n: number) => model.progress.find((p) => p.number === n)!;
    expect(rec(2)).toMatchObject({
      rag: 'green',
      status: 'Green: on track',
      direction: 'Improving: rating up from Amber to Green',
    });
    expect(rec(5)).toMatchObject({ rag: 'red', activities: 2, previousActivities: 2 });
    expect(rec(6)).toMatchObject({
      activities: 0,
      status: 'No activity this half-year',
      direction: 'No change: no activity in either half-year',
    });
    expect(rec(4).direction).toBe('Improving: new activity this half-year');
  });

  it('names the quiet group and the decisions residents take', () => {
    expect(model.reach.paragraphs.map((p) => p.text)).toContain(
      "The Tenants' Access Panel reported no activity this half-year.",
    );
    expect(model.reach.decisionRoles.map((d) => d.activity)).toEqual(['Faster home adaptations']);
  });

  it("lists every quarterly update it summarises among the background papers, one line a committee, after the council's own papers", () => {
    expect(model.backgroundPapers).toEqual([
      "Disabled People's Commission recommendations update, February 2023",
      'Co-production quarterly updates to the Places PAC: April to June 2023 (meeting of 10 July 2023) and July to September 2023 (meeting of 9 October 2023)',
      'Co-production quarterly updates to the People PAC: April to June 2023 (meeting of 17 July 2023) and July to September 2023 (meeting date not recorded)',
    ]);
  });

  it('is a pure function of its inputs', () => {
    expect(JSON.stringify(buildSummaryModel(dataset, H1))).toBe(JSON.stringify(model));
  });
});

describe('buildSummaryModel on the sample council', () => {
  it('reports the department with no return and counts every committee', async () => {
    const model = buildSummaryModel(await loadDataset(SAMPLE_COUNCIL), H1);
    expect(model.coverage.rows).toHaveLength(5);
    expect(model.returns.map((r) => r.text).join(' ')).toContain('Public Health sent no return for April to June 2023');
  });
});
