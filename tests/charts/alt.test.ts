import { describe, expect, it } from 'vitest';
import {
  betweenPeriods,
  byBodySentence,
  changeWords,
  coverageSentence,
  levelsSentence,
  trendSentence,
  valuesSentence,
} from '../../src/charts/alt.js';

/** Alternative text is made from the chart's data, so it must be true for it in every case. */
describe('alternative text', () => {
  const q = (words: string, value: number) => ({ words, value });

  it('says a rise, a fall and no change with both numbers', () => {
    expect(changeWords(235, 252)).toBe('rose from 235 to 252');
    expect(changeWords(9, 8)).toBe('fell from 9 to 8');
    expect(changeWords(4, 4)).toBe('stayed at 4');
  });

  it("leaves out the first period's year only when both end in the same one", () => {
    expect(betweenPeriods('April to June 2023', 'July to September 2023')).toBe(
      'April to June and July to September 2023',
    );
    expect(betweenPeriods('October to December 2022', 'January to March 2023')).toBe(
      'October to December 2022 and January to March 2023',
    );
    expect(betweenPeriods('December 2022 to February 2023', 'March to May 2023')).toBe(
      'December 2022 to February 2023 and March to May 2023',
    );
  });

  it('states the last two quarters of several measures in one sentence', () => {
    const series = [
      {
        name: 'residents involved',
        readings: [q('January to March 2023', 200), q('April to June 2023', 235), q('July to September 2023', 252)],
      },
      {
        name: 'activities',
        readings: [q('January to March 2023', 7), q('April to June 2023', 9), q('July to September 2023', 8)],
      },
      {
        name: 'co-chair involvements',
        readings: [q('January to March 2023', 4), q('April to June 2023', 4), q('July to September 2023', 4)],
      },
    ];
    expect(trendSentence(series)).toBe(
      'Between April to June and July to September 2023, residents involved rose from 235 to 252, activities fell from 9 to 8 and co-chair involvements stayed at 4.',
    );
    expect(valuesSentence(series)).toBe(
      'Per quarter: residents involved 200, 235 and 252; activities 7, 9 and 8; co-chair involvements 4, 4 and 4.',
    );
  });

  it('with a single quarter, gives its values and says it is the only one', () => {
    const series = [
      { name: 'residents involved', readings: [q('July to September 2024', 12)] },
      { name: 'activities', readings: [q('July to September 2024', 1)] },
    ];
    expect(trendSentence(series)).toBe(
      'In July to September 2024, the only quarter with data so far, residents involved were 12 and activities were 1.',
    );
    expect(valuesSentence(series)).toBe('');
  });

  it('names each body with its change', () => {
    const s = byBodySentence('residents involved', [
      { name: 'the Economy PAC', readings: [q('April to June 2023', 61), q('July to September 2023', 37)] },
      { name: 'the Climate PAC', readings: [q('April to June 2023', 50), q('July to September 2023', 50)] },
    ]);
    expect(s).toBe(
      'Between April to June and July to September 2023, residents involved fell from 61 to 37 for the Economy PAC and stayed at 50 for the Climate PAC.',
    );
  });

  it('compares levels now with before, in ladder order', () => {
    expect(
      levelsSentence(
        ['April to June 2023', 'July to September 2023'],
        [
          { level: 'Co-production', counts: [2, 3] },
          { level: 'Co-design', counts: [2, 2] },
          { level: 'Engagement', counts: [4, 1] },
        ],
      ),
    ).toBe(
      'Activities by level of involvement in July to September 2023 against April to June 2023: co-production 3, up from 2; co-design 2, as before; engagement 1, down from 4.',
    );
  });

  it('finds the largest cell, the empty ones and the items nobody served in the heat map', () => {
    const text = coverageSentence(
      {
        itemWord: 'recommendation',
        columns: [1, 2, 3],
        rows: [
          { committee: 'Economy PAC', cells: [1, 4, 0] },
          { committee: 'Climate PAC', cells: [3, 0, 0] },
        ],
      },
      'April to September 2023',
      'committee',
    );
    expect(text).toContain("The largest count, 4, is the Economy PAC's on recommendation 2.");
    expect(text).toContain('3 of the 6 cells are 0.');
    expect(text).toContain('No committee reported activity on recommendation 3.');
  });
});
