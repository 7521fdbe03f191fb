/** Exit codes, as documented in the README and in `coprod --help`. */
export const EXIT = {
  /** Success. */
  OK: 0,
  /** The data or a check failed (validation errors, stale or hand-edited outputs). */
  DATA: 1,
  /** Usage or environment error (bad option, missing data folder or unreadable data file, unwritable output, broken template). */
  USAGE: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the data or a check failed (validation errors; stale or hand-edited outputs)
  2  usage or environment error (bad option, missing data folder or unreadable data file, unwritable output, broken template)`;
