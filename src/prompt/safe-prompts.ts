import { printable } from '../diagnostics/sanitise.js';
import type { Check, Choice, Prompts } from './prompts.js';

/**
 * Prompts whose every text shown on the terminal (the question, a default,
 * each choice's name and description, a check's complaint) has passed the
 * terminal sanitiser: questions quote activity titles and last quarter's
 * plans, which may hold control characters. The prompt library writes to
 * the terminal itself, so this is the only place they can be cleaned.
 */
export function safePrompts(prompts: Prompts): Prompts {
  const check = (validate: Check | undefined) =>
    validate ? (value: string) => safeVerdict(validate(value)) : undefined;
  return {
    input: (q) => {
      const validate = check(q.validate);
      return prompts.input({
        message: printable(q.message),
        ...(q.default !== undefined ? { default: printable(q.default) } : {}),
        ...(validate ? { validate } : {}),
      });
    },
    select: (q) => prompts.select({ ...q, message: printable(q.message), choices: q.choices.map(safeChoice) }),
    checkbox: (q) => {
      const validate = q.validate;
      return prompts.checkbox({
        message: printable(q.message),
        choices: q.choices.map(safeChoice),
        ...(validate ? { validate: (values) => safeVerdict(validate(values)) } : {}),
      });
    },
    confirm: (q) => prompts.confirm({ ...q, message: printable(q.message) }),
  };
}

function safeChoice<T>(choice: Choice<T>): Choice<T> {
  return {
    ...choice,
    name: printable(choice.name),
    ...(choice.description !== undefined ? { description: printable(choice.description) } : {}),
  };
}

function safeVerdict(verdict: true | string): true | string {
  return verdict === true ? true : printable(verdict);
}
