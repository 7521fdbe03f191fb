import { describe, expect, it } from 'vitest';
import { activitySchema, updateSchema } from '../../src/schema/activities.js';
import { isRealIsoDate, isoDate } from '../../src/schema/primitives.js';

const activity = {
  id: 'a-1',
  title: 'An activity',
  recommendations: [2],
  stage: 'design',
  level: 'co-design',
  status: 'in-progress',
  start: '2023-04-01',
};

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2023-02-29')).toBe(false);
    expect(isRealIsoDate('2023-02-30')).toBe(false);
    expect(isRealIsoDate('2023-13-01')).toBe(false);
    expect(isRealIsoDate('30/02/2020')).toBe(false);
    expect(isRealIsoDate('2023-6-1')).toBe(false);
  });

  it('reports an invalid date with the invalid-date code', () => {
    const result = isoDate.safeParse('2023-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'invalid-date' } });
  });
});

describe('activity records', () => {
  it('fills defaults for a minimal activity', () => {
    const parsed = activitySchema.parse(activity);
    expect(parsed.updates).toEqual([]);
    expect(parsed.measures).toEqual([]);
  });

  it('refuses unknown fields, so typos are caught', () => {
    const result = activitySchema.safeParse({ ...activity, meaures: ['5.3'] });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['meaures'] });
  });

  it('refuses statuses, levels and stages outside the closed lists', () => {
    expect(activitySchema.safeParse({ ...activity, status: 'done' }).success).toBe(false);
    expect(activitySchema.safeParse({ ...activity, level: 'tokenism' }).success).toBe(false);
    expect(activitySchema.safeParse({ ...activity, stage: 'planning' }).success).toBe(false);
  });

  it('counts residents and never names them: counts and money are non-negative numbers', () => {
    const base = { quarter: '2023/24-Q1', summary: 'Met twice.', residents: 4 };
    expect(updateSchema.parse(base)).toMatchObject({ coChairs: 0, accessCosts: 0, participationFees: 0, spend: 0 });
    expect(updateSchema.safeParse({ ...base, residents: -1 }).success).toBe(false);
    expect(updateSchema.safeParse({ ...base, residents: 2.5 }).success).toBe(false);
    expect(updateSchema.safeParse({ ...base, spend: 10.555 }).success).toBe(false);
    expect(updateSchema.safeParse({ ...base, residents: ['a resident'] }).success).toBe(false);
    expect(updateSchema.safeParse({ ...base, quarter: '2023/25-Q1' }).success).toBe(false);
  });
});
