/**
 * Errors a command raises for a problem in the user's environment or usage
 * (exit 2): the message is for the user, so no stack trace is printed.
 */
export class EnvironmentError extends Error {}

/** A bad option or argument. */
export class UsageError extends EnvironmentError {}

/** An output folder or file that cannot be written. */
export class OutputError extends EnvironmentError {}

/** A template problem, with the template's file and position. */
export class TemplateError extends EnvironmentError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    detail: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}: ${detail}`);
  }
}
