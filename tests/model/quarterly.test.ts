import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyModel, type QuarterlyModel } from '../../src/model/quarterly.js';
import { changeWords } from '../../src/model/words.js';
import { itemNumbers, plainCommitteeName, shortCommitteeName } from '../../src/model/terms.js';
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

  it('reports the plan made in 2022/23-Q4 that was not followed up, with the reason, and asks the Committee for an update', () => {
    const row = places.followUps.find((f) => f.activity === 'Accessible housing register review')!;
    expect(row).toMatchObject({
      result: 'not-followed-up',
      resultWords: 'No update received',
      reason: 'No update was received for April to June 2023.',
    });
    expect(places.followUpIntro).toContain('How they went: 1 done and 1 with no update received.');
    expect(places.recommendations.map((r) => r.text).join(' ')).toContain(
      'on the plan whose outcome no update has yet reported: Accessible housing register review',
    );
  });

  it('numbers the planned activity and says when a new one starts', () => {
    expect(places.planned).toEqual([
      {
        number: '6.1',
        activity: 'Faster home adaptations',
        group: 'Accessible Homes Group',
        department: 'Housing Department',
        plan: 'Report the pilot results to the group.',
        starting: undefined,
      },
      {
        number: '6.2',
        activity: 'New council homes design guide',
        group: "Tenants' Access Panel",
        department: 'Housing Department',
        plan: 'Co-designing a design guide for wheelchair-accessible new council homes.',
        starting: 'a new activity starting 1 August 2023',
      },
    ]);
  });

  it('gives a paragraph to each recommendation with activity or an assessment, and names the rest in one line', () => {
    const spoken = places.progress.map((p) => p.number);
    expect(spoken).not.toContain(6);
    expect(places.progress.map((p) => p.paragraph)).toEqual(spoken.map((_, i) => `7.${i + 2}`));
    expect(places.progressQuiet?.text).toMatch(/^No activity served recommendations? [0-9, and]*6/);
    expect(places.progressQuiet?.number).toBe(`7.${spoken.length + 2}`);
    expect(places.progress.find((p) => p.number === 2)).toMatchObject({
      status: 'Green: on track',
      direction: 'Improving: rating up from Amber to Green',
    });
  });

  it('shows the levels of involvement used this quarter or last, and names the unused ones in one line', () => {
    const level = (name: string) => places.reach.levels.find((l) => l.level === name)!;
    expect(level('Co-production')).toMatchObject({ activities: 1, previous: 1 });
    expect(level('Consultation')).toMatchObject({ activities: 0, previous: 1 });
    expect(places.reach.levels.every((l) => l.activities + l.previous > 0)).toBe(true);
    expect(places.reach.emptyLevels).toMatch(/^No activity was at .* level in either quarter\.$/);
    expect(places.reach.levelsText).toContain(
      'The one activity reported this quarter was at co-design or co-production level',
    );
  });

  it('numbers the barriers as paragraphs of their section', () => {
    expect(places.barriers).toEqual([
      {
        number: '9.1',
        activity: 'Faster home adaptations',
        barrier: 'Officers were moved to damp inspections for three weeks.',
        response: 'Two officers are now ring-fenced for the pilot.',
      },
    ]);
  });

  it('says when a planned activity was due to start but sent no update', () => {
    const q2 = buildQuarterlyModel(dataset, parseQuarter('2023/24-Q2')!, 'places-pac');
    expect(q2.planned.find((p) => p.activity === 'New council homes design guide')?.starting).toBe(
      'due to start on 1 August 2023, no update yet',
    );
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
    expect(model.recommendations.at(-1)?.text).toBe(
      'That the Committee asks Public Health to report its co-production activity for April to June 2023 in the next update.',
    );
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

  it("lists item numbers in prose, in the framework's own word", () => {
    const terms = { item: 'commitment', items: 'commitments' };
    expect(itemNumbers(terms, [6])).toBe('commitment 6');
    expect(itemNumbers({ item: 'recommendation', items: 'recommendations' }, [2, 3, 8], true)).toBe(
      'Recommendations 2, 3 and 8',
    );
  });

  it("shortens a committee name with the council's abbreviation, and leaves other names alone", () => {
    const pac = { committeeType: 'Policy and Accountability Committee', committeeAbbreviation: 'PAC' };
    expect(shortCommitteeName('Economy, Arts, Sports and Public Realm Policy and Accountability Committee', pac)).toBe(
      'Economy, Arts, Sports and Public Realm PAC',
    );
    expect(shortCommitteeName('Health Scrutiny Panel', pac)).toBe('Health Scrutiny Panel');
    expect(
      shortCommitteeName('Health Scrutiny Panel', {
        committeeType: 'Scrutiny Panel',
        committeeAbbreviation: undefined,
      }),
    ).toBe('Health Scrutiny Panel');
  });

  it("puts a committee's name in everyday words for Easy Read: the kind of committee becomes the council's word for it", () => {
    const pac = { committeeType: 'Policy and Accountability Committee', committee: 'Committee' };
    expect(plainCommitteeName('Economy, Arts, Sports and Public Realm Policy and Accountability Committee', pac)).toBe(
      'Economy, Arts, Sports and Public Realm Committee',
    );
    expect(plainCommitteeName('Housing Scrutiny Panel', { committeeType: 'Scrutiny Panel', committee: 'Panel' })).toBe(
      'Housing Panel',
    );
    // A name that is only the kind, or does not end in it, is kept whole.
    expect(plainCommitteeName('Scrutiny Panel', { committeeType: 'Scrutiny Panel', committee: 'Panel' })).toBe(
      'Scrutiny Panel',
    );
    expect(plainCommitteeName('Overview and Scrutiny Commission', pac)).toBe('Overview and Scrutiny Commission');
  });
});
