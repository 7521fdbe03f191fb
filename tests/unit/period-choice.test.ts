import { describe, expect, it } from 'vitest';
import {
  coverageQuarterOfHalf,
  halfMonths,
  parseHalfChoice,
  parseQuarterChoice,
  quarterMonths,
  resolveHalf,
  resolveQuarter,
} from '../../src/periods/choice.js';
import { parseQuarter } from '../../src/periods/periods.js';

const Q = (text: string) => parseQuarter(text)!;

describe('periods as typed on the command line', () => {
  it('reads quarters and halves in any case, and latest and previous', () => {
    for (const text of ['2023/24-Q1', '2023/24-q1', ' 2023/24-q1 '])
      expect(parseQuarterChoice(text)).toEqual({ year: 2023, number: 1 });
    for (const text of ['2023/24-H2', '2023/24-h2']) expect(parseHalfChoice(text)).toEqual({ year: 2023, number: 2 });
    for (const text of ['latest', 'LATEST', 'Latest']) {
      expect(parseQuarterChoice(text)).toBe('latest');
      expect(parseHalfChoice(text)).toBe('latest');
    }
    expect(parseQuarterChoice('previous')).toBe('previous');
    expect(parseHalfChoice('Previous')).toBe('previous');
  });

  it('refuses anything else', () => {
    for (const text of ['2023-Q1', '2023/25-Q1', '2023/24-Q5', '2023/24-H1', 'Q1', 'last', ''])
      expect(parseQuarterChoice(text)).toBeUndefined();
    for (const text of ['2023-H1', '2023/24-H3', '2023/24-Q1', 'H1']) expect(parseHalfChoice(text)).toBeUndefined();
  });

  it('data files keep the one canonical form', () => {
    expect(parseQuarter('2023/24-q1')).toBeUndefined();
  });

  it('counts latest and previous from the latest quarter with updates', () => {
    expect(resolveQuarter('latest', Q('2023/24-Q2'))).toEqual(Q('2023/24-Q2'));
    expect(resolveQuarter('previous', Q('2023/24-Q1'))).toEqual(Q('2022/23-Q4'));
    expect(resolveHalf('latest', Q('2023/24-Q2'))).toEqual({ year: 2023, number: 1 });
    expect(resolveHalf('latest', Q('2023/24-Q3'))).toEqual({ year: 2023, number: 2 });
    expect(resolveHalf('previous', Q('2023/24-Q2'))).toEqual({ year: 2022, number: 2 });
    expect(resolveQuarter('latest', undefined)).toBeUndefined();
    expect(resolveHalf('previous', undefined)).toBeUndefined();
    expect(resolveQuarter(Q('2021/22-Q3'), undefined)).toEqual(Q('2021/22-Q3'));
  });

  it('checks a half for coverage in its second quarter, or its first while that is the latest', () => {
    const h1 = { year: 2023, number: 1 } as const;
    expect(coverageQuarterOfHalf(h1, Q('2023/24-Q3'))).toEqual(Q('2023/24-Q2'));
    expect(coverageQuarterOfHalf(h1, Q('2023/24-Q2'))).toEqual(Q('2023/24-Q2'));
    expect(coverageQuarterOfHalf(h1, Q('2023/24-Q1'))).toEqual(Q('2023/24-Q1'));
    expect(coverageQuarterOfHalf(h1, undefined)).toEqual(Q('2023/24-Q2'));
  });

  it('says what each quarter and half is in months, for any first month of the year', () => {
    expect(quarterMonths(4)).toBe(
      'Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March',
    );
    expect(quarterMonths(7)).toBe(
      'Q1 is July to September, Q2 October to December, Q3 January to March and Q4 April to June',
    );
    expect(quarterMonths(1)).toBe(
      'Q1 is January to March, Q2 April to June, Q3 July to September and Q4 October to December',
    );
    expect(quarterMonths(12)).toBe(
      'Q1 is December to February, Q2 March to May, Q3 June to August and Q4 September to November',
    );
    expect(halfMonths(4)).toBe('H1 is April to September and H2 October to March');
    expect(halfMonths(9)).toBe('H1 is September to February and H2 March to August');
  });
});
