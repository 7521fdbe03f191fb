/**
 * What each file-system error means for the person running coprod, in one
 * table: `folder` when writing outputs into a folder (`another` says how to
 * choose another), `file` when changing one named file in place. A code
 * without an entry is shown as the system reported it.
 */
const FS_ERRORS: Record<string, { folder: (another: string) => string; file?: string }> = {
  EACCES: {
    folder: (another) => `you do not have permission to write there: ${another}, or change its permissions`,
    file: 'you do not have permission to change it',
  },
  EPERM: {
    folder: (another) => `the system refused the write: ${another}, or change its permissions`,
    file: 'the system refused the change',
  },
  EROFS: {
    folder: (another) => `the folder is on a read-only file system: ${another}`,
    file: 'it is on a read-only file system',
  },
  ENOSPC: { folder: () => 'the disk is full: free some space and run the command again', file: 'the disk is full' },
  EDQUOT: {
    folder: () => 'your disk quota is used up: free some space and run the command again',
    file: 'your disk quota is used up',
  },
  ENOTDIR: { folder: (another) => `a file stands where a folder is needed: ${another}, or move the file` },
  EEXIST: { folder: (another) => `a file stands where a folder is needed: ${another}, or move the file` },
  EISDIR: { folder: () => 'a folder stands where a file is to be written: remove or rename it' },
  ENOENT: {
    folder: (another) =>
      `no folder can be made there (a system folder such as /proc or /sys, or a link to nothing): ${another}`,
  },
};

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * A message that says what went wrong and what to do, and (unless told
 * otherwise) that nothing was changed. `option` is how the user names
 * another folder (`--out` by default; `init` takes its folder as an argument).
 */
export function describeFsError(
  error: unknown,
  where: string,
  doing: string,
  outcome = 'Nothing was changed.',
  option: string | null = '--out',
): string {
  const code = codeOf(error);
  const another = option ? `choose another folder with ${option}` : 'choose another folder';
  const advice = code ? FS_ERRORS[code]?.folder(another) : undefined;
  return `could not ${doing} (${where}): ${advice ?? (error as Error).message}. ${outcome}`;
}

/** The message for a failed write of one named file, which was left as it was. */
export function describeFileError(error: unknown, file: string): string {
  const code = codeOf(error);
  const advice = code ? FS_ERRORS[code]?.file : undefined;
  return `could not write ${file}: ${advice ?? (error as Error).message}. Nothing was changed.`;
}
