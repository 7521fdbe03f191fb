import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyModel, type QuarterlyModel } from '../../src/model/quarterly.js';
import { changeWords, recommendationNumbers } from '../../src/model/words.js';
import { parseQuarter } from '../../src/periods/periods.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { GOLDEN_COUNCIL, loadDataset, SAMPLE_COUNCIL } from '../helpers/dataset.js';

const Q1 = parseQuarter('2023/24-Q1')!;

describe('buildQuarterlyModel on the fixture council', () => {
  let dataset: Dataset;
  let places: QuarterlyModel;
  beforeAll(async () => {
    dataset = await loadDataset(GOLDEN_COUNCIL);
    places = buildQuarterlyModel(dataset, Q1, 'places-pac');
  });

  it('reports the plan made in 2022/23-Q4 that was not followed up, with the reason', () => {
    const row = places.followUps.find((f) => f.activity === 'Accessible housing register review')!;
    expect(row).toMatchObject({ result: 'not-followed-up', resultWords: 'Not followed up', reason: 'No update was received for April to June 2023.' });
    expect(places.followUpIntro).toContain('How they went: 1 done and 1 not followed up.');
    expect(places.recommendations.map((r) => r.text).join(' ')).toContain('was not followed up: Accessible housing register review');
  });

  it('numbers the planned activity and says when a new one starts', () => {
    expect(places.planned).toEqual([
      { number: '5.1', activity: 'Faster home adaptations', group: 'Accessible Homes Group', department: 'Housing Department', plan: 'Report the pilot results to the group.', starting: undefined },
      {
        number: '5.2',
        activity: 'New council homes design guide',
        group: "Tenants' Access Panel",
        department: 'Housing Department',
        plan: 'Co-designing a design guide for wheelchair-accessible new council homes.',
        starting: 'a new activity starting 1 August 2023',
      },
    ]);
  });

  it('covers all eight recommendations, saying plainly when there was no activity', () => {
    expect(places.progress.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(places.progress.map((p) => p.paragraph)).toEqual(['6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9']);
    const six = places.progress.find((p) => p.number === 6)!;
    expect(six).toMatchObject({ activities: 0, status: 'No activity this quarter', rag: undefined });
    expect(places.progress.find((p) => p.number === 2)).toMatchObject({ status: 'Green: on track', direction: 'Improving: rating up from Amber to Green' });
  });

  it('shows the levels of involvement against last quarter', () => {
    const level = (name: string) => places.reach.levels.find((l) => l.level === name)!;
    expect(level('Co-production')).toMatchObject({ activities: 1, previous: 1 });
    expect(level('Consultation')).toMatchObject({ activities: 0, previous: 1 });
    expect(places.reach.levelsText).toContain('The one activity reported this quarter was at co-design or co-production level');
  });

  it('numbers the barriers as paragraphs of their section', () => {
    expect(places.barriers).toEqual([
      { number: '8.1', activity: 'Faster home adaptations', barrier: 'Officers were moved to damp inspections for three weeks.', response: 'Two officers are now ring-fenced for the pilot.' },
    ]);
  });

  it('says when a planned activity was due to start but sent no update', () => {
    const q2 = buildQuarterlyModel(dataset, parseQuarter('2023/24-Q2')!, 'places-pac');
    expect(q2.planned.find((p) => p.activity === 'New council homes design guide')?.starting).toBe('due to start on 1 August 2023, with no update received yet');
  });

  it('takes the meeting date from the calendar, or says it is to be confirmed', () => {
    expect(places.header.date).toBe('10 July 2023');
    const q2 = buildQuarterlyModel(dataset, parseQuarter('2023/24-Q2')!, 'people-pac');
    expect(q2.header.date).toBe('Date to be confirmed');
  });
});

describe('buildQuarterlyModel on the sample council', () => {
  it('says plainly that a department sent no return and asks for one', async () => {
    const model = buildQuarterlyModel(await loadDataset(SAMPLE_COUNCIL), Q1, 'health-pac');
    expect(model.summary).toContain('No update was received from Public Health for this quarter.');
    expect(model.reach.noReturn?.text).toMatch(/^No update was received from Public Health for April to June 2023/);
    expect(model.recommendations.at(-1)?.text).toBe('That the Committee asks Public Health to report its co-production activity for April to June 2023 in the next update.');
  });
});

describe('words', () => {
  it('describes changes in words', () => {
    expect(changeWords(5, 5)).toBe('No change');
    expect(changeWords(7, 5)).toBe('Up 2');
    expect(changeWords(3, 5)).toBe('Down 2');
    expect(changeWords(4, 0)).toBe('Up from none');
    expect(changeWords(0, 4)).toBe('Down to none');
  });

  it('lists recommendation numbers in prose', () => {
    expect(recommendationNumbers([6])).toBe('recommendation 6');
    expect(recommendationNumbers([2, 3, 8], true)).toBe('Recommendations 2, 3 and 8');
  });
});
