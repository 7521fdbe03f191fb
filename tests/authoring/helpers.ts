import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import type {
  CheckboxQuestion,
  Choice,
  ConfirmQuestion,
  InputQuestion,
  Prompts,
  SelectQuestion,
} from '../../src/prompt/prompts.js';
import { PromptCancelled } from '../../src/prompt/prompts.js';
import { copyToTemp, ROOT } from '../helpers/cli.js';

export const EDIT_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'authoring-edit');

/** Press enter on an input: take its default. */
export const ENTER = Symbol('enter');
/** Press Ctrl+C. */
export const CTRL_C = Symbol('ctrl-c');

/**
 * One step of a conversation: the question expected (its message matches
 * `ask`) and the answer typed. Select answers name a choice by value, or by
 * part of its name; checkbox answers are lists of those.
 */
export interface Step {
  ask: RegExp;
  answer: string | boolean | number | readonly (string | number)[] | typeof ENTER | typeof CTRL_C;
}

/**
 * Answers prompts from a script, as a person would: each question must be
 * the one expected next, each answer goes through the question's own check,
 * and an answer the check refuses is recorded, the next step answering the
 * same question again.
 */
export class ScriptedPrompts implements Prompts {
  readonly asked: string[] = [];
  readonly refused: { message: string; answer: unknown; reason: string }[] = [];
  private readonly steps: Step[];

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  get remaining(): number {
    return this.steps.length;
  }

  private next(message: string): Step['answer'] {
    const step = this.steps.shift();
    if (!step) throw new Error(`unexpected question: "${message}"`);
    if (!step.ask.test(message)) throw new Error(`expected a question matching ${step.ask}, was asked "${message}"`);
    this.asked.push(message);
    if (step.answer === CTRL_C) throw new PromptCancelled();
    return step.answer;
  }

  async input(q: InputQuestion): Promise<string> {
    for (;;) {
      const given = this.next(q.message);
      const answer = given === ENTER ? (q.default ?? '') : String(given);
      const verdict = q.validate ? q.validate(answer) : true;
      if (verdict === true) return answer;
      this.refused.push({ message: q.message, answer, reason: verdict });
    }
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    const given = this.next(q.message);
    return pick(q.choices, given === ENTER ? (q.default ?? q.choices[0].value) : given, q.message).value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    for (;;) {
      const given = this.next(q.message);
      const values = (Array.isArray(given) ? given : []).map((g) => pick(q.choices, g, q.message).value);
      const verdict = q.validate ? q.validate(values) : true;
      if (verdict === true) return values;
      this.refused.push({ message: q.message, answer: given, reason: verdict });
    }
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const given = this.next(q.message);
    return given === ENTER ? (q.default ?? false) : Boolean(given);
  }
}

function pick<T>(choices: readonly Choice<T>[], given: unknown, message: string): Choice<T> {
  const found =
    choices.find((c) => c.value === given) ?? choices.find((c) => typeof given === 'string' && c.name.includes(given));
  if (!found)
    throw new Error(
      `"${String(given)}" is not among the choices of "${message}": ${choices.map((c) => c.name).join(' | ')}`,
    );
  return found;
}

/** Runs coprod in-process as if on a terminal, with the prompts answered from a script. */
export async function runOnTerminal(
  args: string[],
  prompts: Prompts,
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = true;
  const io: Io = {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s), isTTY: true },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
    stdin,
    fs: fsp,
    prompts,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** A copy of the sample council, optionally with a department file replaced by a fixture's bytes. */
export async function sampleCouncil(replace?: { department: string; fixture: string }): Promise<string> {
  const dir = await copyToTemp(path.join(ROOT, 'data'), 'coprod-authoring-');
  if (replace)
    await fsp.copyFile(
      path.join(EDIT_FIXTURES, replace.fixture),
      path.join(dir, 'activities', `${replace.department}.yaml`),
    );
  return dir;
}

/**
 * Checks that `after` is `before` with one run of bytes inserted (and,
 * optionally, a run removed just before it, as when `[]` becomes a list):
 * returns the inserted text.
 */
export function insertedBytes(before: Uint8Array, after: Uint8Array): { at: number; inserted: string } {
  const a = Buffer.from(before);
  const b = Buffer.from(after);
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (start + end !== a.length) throw new Error(`bytes ${start} to ${a.length - end} of the old file changed`);
  return { at: start, inserted: b.subarray(start, b.length - end).toString('utf8') };
}
