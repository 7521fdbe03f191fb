import { describe, expect, it } from 'vitest';
import {
  formatQuarter,
  halfRange,
  nextQuarter,
  parseHalf,
  parseQuarter,
  previousQuarter,
  quarterOfDate,
  quarterRange,
  quartersOfHalf,
  ukDate,
} from '../../src/periods/periods.js';

describe('financial-year quarters', () => {
  it('parses and formats the canonical form', () => {
    expect(parseQuarter('2023/24-Q1')).toEqual({ year: 2023, number: 1 });
    expect(formatQuarter({ year: 2023, number: 1 })).toBe('2023/24-Q1');
    expect(formatQuarter({ year: 1999, number: 4 })).toBe('1999/00-Q4');
  });

  it('refuses malformed quarters and years that do not follow each other', () => {
    for (const bad of ['2023-Q1', '2023/25-Q1', '2023/24-Q5', '2023/24-q1', 'Q1 2023', ''])
      expect(parseQuarter(bad)).toBeUndefined();
  });

  it('gives the dates in words, April to March by default', () => {
    expect(quarterRange(parseQuarter('2023/24-Q1')!).words).toBe('April to June 2023');
    expect(quarterRange(parseQuarter('2023/24-Q3')!).words).toBe('October to December 2023');
    expect(quarterRange(parseQuarter('2023/24-Q4')!)).toEqual({
      start: '2024-01-01',
      end: '2024-03-31',
      words: 'January to March 2024',
    });
    expect(quarterRange(parseQuarter('2022/23-Q4')!).end).toBe('2023-03-31');
  });

  it('handles a financial year that starts in another month', () => {
    expect(quarterRange(parseQuarter('2023/24-Q1')!, 1).words).toBe('January to March 2023');
    expect(quarterRange(parseQuarter('2023/24-Q4')!, 11).words).toBe('August to October 2024');
    expect(quarterRange(parseQuarter('2023/24-Q1')!, 12).words).toBe('December 2023 to February 2024');
  });

  it('steps across financial years', () => {
    expect(formatQuarter(previousQuarter(parseQuarter('2023/24-Q1')!))).toBe('2022/23-Q4');
    expect(formatQuarter(nextQuarter(parseQuarter('2022/23-Q4')!))).toBe('2023/24-Q1');
  });

  it('finds the quarter of a date, including leap days', () => {
    expect(formatQuarter(quarterOfDate('2024-02-29'))).toBe('2023/24-Q4');
    expect(formatQuarter(quarterOfDate('2023-04-01'))).toBe('2023/24-Q1');
    expect(formatQuarter(quarterOfDate('2023-03-31'))).toBe('2022/23-Q4');
  });
});

describe('halves', () => {
  it('has two quarters each', () => {
    const h = parseHalf('2023/24-H1')!;
    expect(quartersOfHalf(h).map(formatQuarter)).toEqual(['2023/24-Q1', '2023/24-Q2']);
    expect(halfRange(h).words).toBe('April to September 2023');
    expect(halfRange(parseHalf('2022/23-H2')!).words).toBe('October 2022 to March 2023');
    expect(parseHalf('2023/24-H3')).toBeUndefined();
  });
});

describe('UK dates', () => {
  it('writes dates the way committee papers do', () => {
    expect(ukDate('2023-06-20')).toBe('20 June 2023');
    expect(ukDate('2024-01-05')).toBe('5 January 2024');
  });
});
