import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompts, SelectQuestion } from './prompts.js';
import { PromptCancelled } from './prompts.js';

type Inquirer = typeof import('@inquirer/prompts');

/**
 * Prompts on the process's terminal through @inquirer/prompts. The library
 * is imported on the first question only, so commands that never ask
 * (and `coprod --help`) do not pay for loading it.
 */
export function inquirerPrompts(): Prompts {
  let loaded: Promise<Inquirer> | undefined;
  const lib = () => (loaded ??= import('@inquirer/prompts'));
  return {
    input: async (q: InputQuestion) => asked(async () => (await lib()).input(inputConfig(q))),
    select: async <T>(q: SelectQuestion<T>) =>
      asked(async () =>
        (await lib()).select<T>({ message: q.message, choices: q.choices, default: q.default, pageSize: 12 }),
      ),
    checkbox: async <T>(q: CheckboxQuestion<T>) =>
      asked(async () =>
        (await lib()).checkbox<T>({
          message: q.message,
          choices: q.choices,
          pageSize: 12,
          ...(q.validate ? { validate: (chosen) => q.validate!(chosen.map((c) => c.value)) } : {}),
        }),
      ),
    confirm: async (q: ConfirmQuestion) =>
      asked(async () => (await lib()).confirm({ message: q.message, default: q.default ?? false })),
  };
}

function inputConfig(q: InputQuestion): Parameters<Inquirer['input']>[0] {
  return {
    message: q.message,
    ...(q.default !== undefined ? { default: q.default } : {}),
    ...(q.validate ? { validate: q.validate } : {}),
  };
}

/** Turns inquirer's "the user pressed Ctrl+C" into {@link PromptCancelled}. */
async function asked<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError'))
      throw new PromptCancelled();
    throw error;
  }
}
