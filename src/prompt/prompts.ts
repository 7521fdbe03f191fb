/**
 * The questions coprod asks, as an interface: the binary answers them with
 * inquirer on a terminal, tests answer them from a script. Commands never
 * import a prompt library directly.
 */

/** A value check: `true` when acceptable, else the message to show. */
export type Check = (value: string) => true | string;

/** One entry of a list to choose from. */
export interface Choice<T> {
  /** What the user reads. */
  name: string;
  value: T;
  /** A longer explanation, shown for the highlighted entry. */
  description?: string;
  checked?: boolean;
}

/** A line of text to type. */
export interface InputQuestion {
  message: string;
  default?: string;
  /** Runs on every answer; the question is asked again until it returns `true`. */
  validate?: Check;
}

/** One entry to pick from a list. */
export interface SelectQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

/** Any number of entries to tick in a list. */
export interface CheckboxQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  validate?: (values: readonly T[]) => true | string;
}

/** A yes or no. */
export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

/** The prompts a command may use. */
export interface Prompts {
  input(question: InputQuestion): Promise<string>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

/** Thrown when the user interrupts a prompt (Ctrl+C): nothing is written. */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}
