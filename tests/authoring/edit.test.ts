import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditError } from '../../src/edit/append.js';
import { addToDepartmentFile, type Addition } from '../../src/edit/department-file.js';
import { parseSource } from '../../src/load/source.js';
import { EDIT_FIXTURES, insertedBytes } from './helpers.js';

const fixture = (name: string) => readFileSync(path.join(EDIT_FIXTURES, name));
const dataOf = (bytes: Uint8Array) =>
  parseSource('test.yaml', bytes).source.data as { activities?: { updates?: unknown[] }[] };

const update = {
  quarter: '2023/24-Q3',
  summary:
    'The panel reviewed the draft budget consultation and asked for an easy read version, which was produced with them.',
  residents: 5,
  coChairs: 1,
  outcomes: [{ youSaid: 'Publish an easy read budget', weDid: 'Published one in November' }],
  next: 'Test the easy read version: "is it clear?" #2',
};
const activity = {
  id: 'fc-new',
  title: 'Plain-language letters: a review',
  recommendations: [2, 5],
  measures: ['5.1'],
  stage: 'design',
  level: 'co-design',
  status: 'planned',
  start: '2024-01-08',
};
const addUpdate: Addition = { kind: 'update', activityIndex: 0, update };
const addActivity: Addition = { kind: 'activity', activity };

/** The old data with the entry appended, as a plain object. */
function expected(before: Uint8Array, addition: Addition): unknown {
  const data = structuredClone<{ activities?: Record<string, unknown>[] }>(dataOf(before));
  if (addition.kind === 'activity') data.activities = [...(data.activities ?? []), addition.activity];
  else {
    const target = data.activities![addition.activityIndex];
    target['updates'] = [...((target['updates'] as unknown[] | undefined) ?? []), addition.update];
  }
  return data;
}

describe('adding to a department file keeps every existing byte', () => {
  const cases = ['crlf-bom-comments.yaml', 'zero-indented.yaml', 'no-final-newline.yaml', 'four-space.yaml'];
  for (const name of cases) {
    for (const addition of [addUpdate, addActivity]) {
      it(`${name}: ${addition.kind}`, () => {
        const before = fixture(name);
        const after = addToDepartmentFile(before, addition);
        const { inserted } = insertedBytes(before, after.bytes);
        expect(inserted.length).toBeGreaterThan(0);
        expect(dataOf(after.bytes)).toEqual(expected(before, addition));
      });
    }
  }

  it('keeps the byte-order mark and writes the new lines with CRLF', () => {
    const before = fixture('crlf-bom-comments.yaml');
    const after = Buffer.from(addToDepartmentFile(before, addUpdate).bytes);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.toString('utf8')).not.toMatch(/[^\r]\n/);
  });

  it('puts a new update after the last one and the comment that belongs to it', () => {
    const after = addToDepartmentFile(fixture('crlf-bom-comments.yaml'), addUpdate);
    expect(after.text).toContain(
      '#2"\r\n\r\n        # The Q3 update is due in January.\r\n      - quarter: 2023/24-Q3\r\n        summary: >-\r\n',
    );
    expect(after.text).toContain("#2'\r\n\r\n  - id: fc-voting\r\n");
  });

  it("appends a new activity after the comments that belong to the last one, and before the file's closing comment", () => {
    const after = addToDepartmentFile(fixture('crlf-bom-comments.yaml'), addActivity);
    // The file separates activities with a blank line, so the new one is too.
    expect(after.text).toContain(
      '# No updates yet: it starts in Q3.\r\n\r\n  - id: fc-new\r\n    title: "Plain-language letters: a review"\r\n',
    );
    expect(
      after.text.endsWith('    start: 2024-01-08\r\n\r\n# End of file: new activities go above this line.\r\n'),
    ).toBe(true);
  });

  it('follows a file whose lists are level with their keys', () => {
    const before = fixture('zero-indented.yaml');
    expect(insertedBytes(before, addToDepartmentFile(before, addUpdate).bytes).inserted).toMatch(
      /^ {2}- quarter: 2023\/24-Q3\n[\s\S]*\n {4}outcomes:\n {4}- youSaid:/,
    );
    expect(insertedBytes(before, addToDepartmentFile(before, addActivity).bytes).inserted).toMatch(
      /^- id: fc-new\n {2}title:/,
    );
  });

  it('follows a file indented by four spaces', () => {
    const before = fixture('four-space.yaml');
    const after = addToDepartmentFile(before, addUpdate);
    const entry = after.text.slice(after.range[0], after.range[1]);
    expect(entry).toMatch(/^ {12}- {3}quarter: 2023\/24-Q3\n {16}summary: >-\n {20}The panel/);
    expect(entry).toMatch(/\n {16}outcomes:\n {20}- youSaid:/);
  });

  it('adds to a file without a final line break, and leaves it without one', () => {
    const before = fixture('no-final-newline.yaml');
    const after = Buffer.from(addToDepartmentFile(before, addUpdate).bytes);
    expect(after.subarray(0, before.length)).toEqual(before);
    expect(after.toString().startsWith(`${before.toString()}\n      - quarter: 2023/24-Q3`)).toBe(true);
    expect(after.at(-1)).not.toBe(0x0a);
  });

  it('turns `updates: []` into a list, keeping the comment on its line', () => {
    const before = fixture('flow-empty.yaml');
    const after = addToDepartmentFile(before, addUpdate);
    const withoutBrackets = Buffer.from(before.toString().replace('updates: [] # none yet', 'updates: # none yet'));
    insertedBytes(withoutBrackets, after.bytes);
    expect(after.text).toContain('    updates: # none yet\n      - quarter: 2023/24-Q3\n        summary: >-\n');
    expect(dataOf(after.bytes)).toEqual(expected(before, addUpdate));
  });

  it('creates `updates:` for an activity that has none', () => {
    const before = fixture('flow-empty.yaml');
    const after = addToDepartmentFile(before, { kind: 'update', activityIndex: 1, update });
    insertedBytes(before, after.bytes);
    expect(after.text).toContain('    start: 2023-10-01\n    updates:\n      - quarter: 2023/24-Q3\n');
    expect(
      after.text.endsWith(
        'weDid: Published one in November\n        next: \'Test the easy read version: "is it clear?" #2\'\n',
      ),
    ).toBe(true);
  });

  it('turns `activities: [ ]` into a list, and creates `activities:` when absent', () => {
    const empty = fixture('empty-activities.yaml');
    const filled = addToDepartmentFile(empty, addActivity);
    insertedBytes(Buffer.from(empty.toString().replace(' [ ]', '')), filled.bytes);
    expect(
      filled.text.startsWith(
        '# A department with nothing recorded yet.\ndepartment: finance-corporate\nactivities:   # add with coprod add activity\n  - id: fc-new\n',
      ),
    ).toBe(true);
    const none = fixture('no-activities-key.yaml');
    const created = addToDepartmentFile(none, addActivity);
    expect(insertedBytes(none, created.bytes).inserted).toMatch(/^activities:\r\n {2}- id: fc-new\r\n/);
    // A comment level with the top keys may be a footer, so the new key goes above it.
    expect(created.text.startsWith('department: finance-corporate\r\nactivities:\r\n  - id: fc-new\r\n')).toBe(true);
    expect(created.text.endsWith('    start: 2024-01-08\r\n# nothing yet\r\n')).toBe(true);
    expect(dataOf(created.bytes)).toEqual(expected(none, addActivity));
  });

  it('gives the range of the new entry in the new text', () => {
    const before = fixture('zero-indented.yaml');
    const after = addToDepartmentFile(before, addUpdate);
    expect(after.text.slice(after.range[0], after.range[1])).toMatch(
      /^ {2}- quarter: 2023\/24-Q3\n[\s\S]*\n {4}next: 'Test the easy read version: "is it clear\?" #2'$/,
    );
  });

  it('refuses a file that is not valid YAML', () => {
    expect(() => addToDepartmentFile(Buffer.from('department: x\nactivities: [\n'), addActivity)).toThrow(EditError);
  });
});

describe('any text survives the trip into the file and back', () => {
  const awkward = fc.constantFrom(
    'yes',
    'no',
    'null',
    '~',
    'true',
    '2.1',
    '0x1F',
    '1e3',
    '.5',
    '- a',
    '#x',
    'a: b',
    'a #b',
    ' lead',
    'trail ',
    '"q"',
    "'s'",
    '|',
    '>',
    '&a',
    '*b',
    '!t',
    '%x',
    '@x',
    '`x',
    '[a]',
    '{a: 1}',
    'line\nline',
    'a\r\nb',
    '\ttab',
    '---',
    '...',
    'a  b',
    'é ü 中 🙂',
  );
  const text = fc.oneof(
    awkward,
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
    fc.array(awkward, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  );
  const entry = fc.record(
    {
      quarter: fc.constant('2023/24-Q3'),
      summary: text,
      residents: fc.nat({ max: 1000 }),
      next: text,
      outcomes: fc.array(fc.record({ youSaid: text, weDid: text }), { maxLength: 3 }),
    },
    { requiredKeys: ['quarter', 'summary', 'residents'] },
  );

  for (const name of ['crlf-bom-comments.yaml', 'zero-indented.yaml', 'no-final-newline.yaml', 'flow-empty.yaml']) {
    it(name, () => {
      const before = fixture(name);
      fc.assert(
        fc.property(entry, (value) => {
          const addition: Addition = { kind: 'update', activityIndex: 0, update: value };
          const after = addToDepartmentFile(before, addition);
          expect(dataOf(after.bytes)).toEqual(expected(before, addition));
        }),
        { numRuns: 150 },
      );
    });
  }
});
