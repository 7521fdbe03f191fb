import { describe, expect, it } from 'vitest';
import { positionOf } from '../../src/diagnostics/position.js';
import { parseSource } from '../../src/load/source.js';
import { boardSchema, easyReadSchema } from '../../src/schema/council.js';
import { checkSchema } from '../../src/validate/schema-issues.js';
import type { z } from 'zod';

/**
 * A value that may take one of two forms (a name or a record, a date or a
 * record) is judged by the form of its own type: its problems are named, at
 * their own positions, rather than "is not valid".
 */
function problems(schema: z.ZodType, yaml: string) {
  const { source } = parseSource('council.yaml', new TextEncoder().encode(yaml));
  return checkSchema(source, schema).diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    ...(d.range ? positionOf(source, d.range[0]) : {}),
  }));
}

describe('a value of two forms', () => {
  it('a picture given as a record lacking its alternative text: the missing field, at the record', () => {
    expect(problems(easyReadSchema, 'pictures:\n  money: { icon: coin-pound }\n')).toEqual([
      expect.objectContaining({
        code: 'missing-field',
        message: expect.stringMatching(/^`alt` is missing/),
        line: 2,
        column: 3,
      }),
    ]);
  });

  it('a picture given as text that is no icon name: what an icon name looks like, at the value', () => {
    expect(problems(easyReadSchema, 'pictures:\n  meeting: User Grup\n')).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        message: expect.stringContaining('must be a Tabler icon name such as users-group'),
        line: 2,
        column: 12,
      }),
    ]);
  });

  it('a board meeting given as a record without its date: the missing date', () => {
    const board =
      'id: pob\nname: Board\nauthor: { role: Lead }\ndirector: { role: Director }\nmeetings:\n  2023/24-H1: { time: 7pm }\n';
    expect(problems(boardSchema, board)).toEqual([
      expect.objectContaining({ code: 'missing-field', message: expect.stringMatching(/^`date` is missing/), line: 6 }),
    ]);
  });

  it('a value of neither form (a number for a picture) is still named as not valid', () => {
    expect(problems(easyReadSchema, 'pictures:\n  meeting: 42\n')).toEqual([
      expect.objectContaining({ code: 'invalid-value', message: expect.stringContaining('is not valid'), line: 2 }),
    ]);
  });
});
