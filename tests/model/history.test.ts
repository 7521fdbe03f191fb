import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatQuarter, nextQuarter, parseHalf, parseQuarter, quarterRange } from '../../src/periods/periods.js';
import { paperContext, quarterlyPapers, summaryPaper } from '../../src/render/build-papers.js';
import { loadTemplates, type TemplateSet } from '../../src/render/templates.js';
import { FOLLOW_UP_RESULTS, LEVELS, RAG, STAGES, STATUSES } from '../../src/schema/activities.js';
import { XML_INVALID } from '../../src/diagnostics/characters.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { SAMPLE_COUNCIL } from '../helpers/dataset.js';
import {
  datasetWith,
  departmentFiles,
  firstDifference,
  loadFolder,
  quietIo,
  type LoadedFolder,
  type RawActivity,
  type RawDepartmentFile,
  type RawUpdate,
} from '../helpers/later-data.js';

/**
 * A paper about a period says what was true then. The quarterly update for
 * quarter Q depends only on the council, the framework and the data up to Q;
 * the biannual summary for half H only on the data up to the end of H. Data
 * recorded afterwards (updates that complete or cancel an activity, change
 * its stage or level, follow up earlier plans or make new ones; later
 * self-assessments) leaves the paper byte for byte as it was.
 */

/** The latest quarter later data is written for. */
const LATEST = '2024/25-Q2';

interface Period {
  name: string;
  /** The last quarter whose data the paper may use. */
  last: string;
  papers(dataset: Dataset, templates: TemplateSet): Map<string, string>;
}

function quarterly(name: string): Period {
  return {
    name,
    last: name,
    papers(dataset, templates) {
      const ctx = paperContext(dataset, templates);
      const committees = dataset.council.committees.map((c) => c.id);
      return new Map(quarterlyPapers(ctx, parseQuarter(name)!, committees).map((p) => [p.baseName, p.markdown]));
    },
  };
}

function biannual(name: string, last: string): Period {
  return {
    name,
    last,
    papers(dataset, templates) {
      const paper = summaryPaper(paperContext(dataset, templates), parseHalf(name)!);
      return new Map([[paper.baseName, paper.markdown]]);
    },
  };
}

const PERIODS: readonly Period[] = [
  quarterly('2023/24-Q1'),
  quarterly('2023/24-Q2'),
  biannual('2023/24-H1', '2023/24-Q2'),
];

/** The quarters after `last`, up to {@link LATEST}. */
function quartersAfter(last: string): string[] {
  const out: string[] = [];
  for (let q = nextQuarter(parseQuarter(last)!); formatQuarter(q) <= LATEST; q = nextQuarter(q))
    out.push(formatQuarter(q));
  return out;
}

/** Every paper that is no longer byte-identical, with its first differing line. */
function changedPapers(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name);
    const b = after.get(name);
    if (a === undefined || b === undefined) out.push(`${name}: ${a === undefined ? 'appeared' : 'disappeared'}`);
    else {
      const diff = firstDifference(a, b);
      if (diff) out.push(`${name}: ${diff}`);
    }
  }
  return out;
}

// ---- later data, kept valid ------------------------------------------------

/** Where a later update may go: an activity whose dates overlap the quarter (validation refuses others). */
interface Slot {
  file: number;
  activity: number;
  id: string;
  quarter: string;
}

function slotsAfter(loaded: LoadedFolder, last: string): Slot[] {
  const startMonth = loaded.dataset.council.council.financialYearStart;
  const quarters = quartersAfter(last);
  return departmentFiles(loaded.folder).flatMap((file, f) =>
    (file.activities ?? []).flatMap((activity, a) =>
      quarters
        .filter((q) => {
          const range = quarterRange(parseQuarter(q)!, startMonth);
          return range.end >= activity.start && (activity.end === undefined || range.start <= activity.end);
        })
        .map((quarter) => ({ file: f, activity: a, id: activity.id, quarter })),
    ),
  );
}

const WORDS = [
  'Later',
  'residents',
  'signed off',
  'the',
  'plan',
  'was',
  'cancelled',
  'completed',
  'moved to',
  'review',
  '|',
  '*',
  '#',
  '£40',
  '2025',
  'co-production',
  'not',
  'done',
];
/** Non-empty, trimmed text Word can hold; each starts `LATER` so a leak is easy to spot in a diff. */
const textArb = fc
  .oneof(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
    fc.string({ minLength: 1, maxLength: 16 }).filter((s) => !XML_INVALID.test(s)),
  )
  .map((s) => `LATER ${s}`.trim());
const moneyArb = fc.integer({ min: 0, max: 5_000_000 }).map((pence) => pence / 100);
const outcomeArb = fc.record({ youSaid: textArb, weDid: textArb });
const barrierArb = fc.record({ barrier: textArb, response: textArb });

/** A later update's contents; the quarter comes from its slot. */
const updateArb = fc.record({
  summary: textArb,
  people: fc
    .integer({ min: 0, max: 60 })
    .chain((residents) =>
      fc.record({ residents: fc.constant(residents), coChairs: fc.integer({ min: 0, max: Math.min(residents, 4) }) }),
    ),
  accessCosts: fc.option(moneyArb, { nil: undefined }),
  participationFees: fc.option(moneyArb, { nil: undefined }),
  spend: fc.option(moneyArb, { nil: undefined }),
  outcomes: fc.array(outcomeArb, { maxLength: 2 }),
  barriers: fc.array(barrierArb, { maxLength: 2 }),
  followUp: fc.option(
    fc.record({ result: fc.constantFrom(...FOLLOW_UP_RESULTS), reason: textArb }, { requiredKeys: ['result'] }),
    { freq: 2, nil: undefined },
  ),
  next: fc.option(textArb, { freq: 2, nil: undefined }),
  rag: fc.option(fc.constantFrom(...RAG), { freq: 2, nil: undefined }),
  status: fc.option(fc.constantFrom(...STATUSES), { freq: 8, nil: undefined }),
  stage: fc.option(fc.constantFrom(...STAGES), { freq: 2, nil: undefined }),
  level: fc.option(fc.constantFrom(...LEVELS), { freq: 2, nil: undefined }),
});
type GeneratedUpdate = typeof updateArb extends fc.Arbitrary<infer T> ? T : never;

/** The update as a department file would hold it; a completed activity records an outcome. */
function toRaw(quarter: string, g: GeneratedUpdate): RawUpdate {
  const { people, ...rest } = g;
  const outcomes =
    g.status === 'completed' && g.outcomes.length === 0 ? [{ youSaid: 'LATER asked', weDid: 'LATER did' }] : g.outcomes;
  const raw: RawUpdate = { quarter, ...people, ...rest, outcomes };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return raw;
}

interface LaterAssessment {
  file: number;
  quarter: string;
  recommendation: number;
  rag: (typeof RAG)[number] | undefined;
  narrative: string;
}

interface LaterData {
  updates: { slot: Slot; update: GeneratedUpdate }[];
  assessments: LaterAssessment[];
}

function laterDataArb(loaded: LoadedFolder, last: string): fc.Arbitrary<LaterData> {
  const slots = slotsAfter(loaded, last);
  const files = departmentFiles(loaded.folder).map((_, i) => i);
  const numbers = loaded.dataset.framework.recommendations.map((r) => r.number);
  return fc.record({
    updates: fc.array(fc.record({ slot: fc.constantFrom(...slots), update: updateArb }), {
      minLength: 1,
      maxLength: 12,
    }),
    assessments: fc.array(
      fc.record({
        file: fc.constantFrom(...files),
        quarter: fc.constantFrom(...quartersAfter(last)),
        recommendation: fc.constantFrom(...numbers),
        rag: fc.option(fc.constantFrom(...RAG), { nil: undefined }),
        narrative: textArb,
      }),
      { maxLength: 4 },
    ),
  });
}

/**
 * A copy of the department files with the later data written in: one update
 * per activity and quarter, one assessment per department, quarter and
 * recommendation. A completed activity keeps an outcome somewhere (the
 * validator asks for one): when the later data replaced the updates that had
 * them, its latest new update gets one.
 */
function withLaterData(base: readonly RawDepartmentFile[], later: LaterData): RawDepartmentFile[] {
  const files = structuredClone(base) as RawDepartmentFile[];
  const written = new Map<RawActivity, RawUpdate>();
  for (const { slot, update } of later.updates) {
    const activity = files[slot.file].activities![slot.activity];
    const updates = (activity.updates ?? []).filter((u) => u.quarter !== slot.quarter);
    const raw = toRaw(slot.quarter, update);
    updates.push(raw);
    activity.updates = updates.sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
    const latest = written.get(activity);
    if (!latest || latest.quarter <= raw.quarter) written.set(activity, raw);
  }
  for (const [activity, latest] of written) {
    const completed = activity['status'] === 'completed' || activity.updates!.some((u) => u['status'] === 'completed');
    if (completed && !activity.updates!.some((u) => Array.isArray(u['outcomes']) && u['outcomes'].length > 0)) {
      latest['outcomes'] = [{ youSaid: 'LATER asked', weDid: 'LATER did' }];
    }
  }
  for (const { file, rag, ...a } of later.assessments) {
    const f = files[file];
    const kept = (f.assessments ?? []).filter(
      (x) => !(x.quarter === a.quarter && x.recommendation === a.recommendation),
    );
    f.assessments = [...kept, { ...a, ...(rag ? { rag } : {}) }];
  }
  return files;
}

/** One line per change, for the failure message. */
function describeLater(later: LaterData, files: readonly RawDepartmentFile[]): string {
  const updates = later.updates.map(({ slot, update: u }) =>
    [
      `${slot.id}, update for ${slot.quarter}:`,
      u.status && `status ${u.status}`,
      u.stage && `stage ${u.stage}`,
      u.level && `level ${u.level}`,
      u.followUp && `followUp ${u.followUp.result}`,
      u.next && 'next',
      u.outcomes.length > 0 && `${u.outcomes.length} outcomes`,
      u.barriers.length > 0 && `${u.barriers.length} barriers`,
    ]
      .filter(Boolean)
      .join(' '),
  );
  const assessments = later.assessments.map(
    (a) =>
      `${files[a.file].department}, assessment of recommendation ${a.recommendation} for ${a.quarter}${a.rag ? `: ${a.rag}` : ''}`,
  );
  return [...updates, ...assessments].map((line) => `  ${line}`).join('\n');
}

// ---- the tests ---------------------------------------------------------------

describe('a paper depends only on the data up to its period', () => {
  let loaded: LoadedFolder;
  let base: RawDepartmentFile[];
  let templates: TemplateSet;
  const baselines = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    loaded = await loadFolder(SAMPLE_COUNCIL);
    base = departmentFiles(loaded.folder);
    templates = await loadTemplates(quietIo());
  });

  /** The period's papers from the sample data as it is (rendered when a test first needs them, so one broken paper fails only its tests). */
  function baseline(period: Period): Map<string, string> {
    let papers = baselines.get(period.name);
    if (!papers) baselines.set(period.name, (papers = period.papers(loaded.dataset, templates)));
    return papers;
  }

  it('renders every paper of each period, and the same papers when the data is written out and read back unchanged', () => {
    const roundTripped = datasetWith(loaded.folder, base);
    for (const period of PERIODS) {
      const before = baseline(period);
      expect(before.size, period.name).toBeGreaterThan(0);
      for (const [name, markdown] of before) expect(markdown.length, `${period.name} ${name}`).toBeGreaterThan(1000);
      expect(changedPapers(before, period.papers(roundTripped, templates)), period.name).toEqual([]);
    }
  });

  it('completing, or cancelling, every activity in 2023/24-Q3 leaves the 2023/24-Q1 papers unchanged (and does change the 2023/24-Q3 papers)', () => {
    const q1 = PERIODS[0];
    const q3 = quarterly('2023/24-Q3');
    const slots = slotsAfter(loaded, '2023/24-Q2').filter((s) => s.quarter === '2023/24-Q3');
    expect(slots.length).toBeGreaterThan(10);
    for (const status of ['completed', 'cancelled'] as const) {
      const files = structuredClone(base);
      for (const slot of slots) {
        const activity = files[slot.file].activities![slot.activity];
        activity.updates = [
          ...(activity.updates ?? []).filter((u) => u.quarter !== '2023/24-Q3'),
          {
            quarter: '2023/24-Q3',
            summary: `LATER The activity was ${status}.`,
            residents: 5,
            status,
            followUp: { result: status === 'completed' ? 'done' : 'dropped', reason: `LATER ${status} in 2023/24-Q3` },
            outcomes: [{ youSaid: 'LATER Finish it properly.', weDid: `LATER We ${status} it.` }],
          },
        ];
      }
      const changed = datasetWith(loaded.folder, files);
      const diffs = changedPapers(baseline(q1), q1.papers(changed, templates));
      expect(
        diffs,
        `every activity ${status} in 2023/24-Q3 changed these 2023/24-Q1 papers:\n${diffs.join('\n')}`,
      ).toEqual([]);
      // The later data is not simply ignored: the papers about 2023/24-Q3 show it.
      expect(
        changedPapers(q3.papers(loaded.dataset, templates), q3.papers(changed, templates)).length,
        `2023/24-Q3 papers with every activity ${status}`,
      ).toBeGreaterThan(0);
    }
  });

  for (const [i, period] of PERIODS.entries()) {
    it(`${period.name}: later updates and assessments, whatever they say, leave every paper byte-identical`, () => {
      const before = baseline(period);
      fc.assert(
        fc.property(laterDataArb(loaded, period.last), (later) => {
          const changed = datasetWith(loaded.folder, withLaterData(base, later));
          const diffs = changedPapers(before, period.papers(changed, templates));
          if (diffs.length > 0) {
            throw new Error(
              `data after ${period.last} changed ${diffs.length} ${period.name} paper(s):\n${diffs.join('\n')}\nthe later data:\n${describeLater(later, base)}`,
            );
          }
        }),
        { seed: 20260129 + i, numRuns: 40 },
      );
    }, 120_000);
  }
});
