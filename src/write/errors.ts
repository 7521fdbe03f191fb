/**
 * A message that says what went wrong and what to do, and (unless told
 * otherwise) that nothing was changed. `option` is how the user names
 * another folder (`--out` by default; `init` takes its folder as an argument).
 */
export function describeFsError(error: unknown, where: string, doing: string, outcome = 'Nothing was changed.', option: string | null = '--out'): string {
  const code = (error as NodeJS.ErrnoException).code;
  const another = option ? `choose another folder with ${option}` : 'choose another folder';
  const advice: Record<string, string> = {
    EACCES: `you do not have permission to write there: ${another}, or change its permissions`,
    EPERM: `the system refused the write: ${another}, or change its permissions`,
    EROFS: `the folder is on a read-only file system: ${another}`,
    ENOSPC: 'the disk is full: free some space and run the command again',
    EDQUOT: 'your disk quota is used up: free some space and run the command again',
    ENOTDIR: `a file stands where a folder is needed: ${another}, or move the file`,
    EEXIST: `a file stands where a folder is needed: ${another}, or move the file`,
    EISDIR: 'a folder stands where a file is to be written: remove or rename it',
    ENOENT: `no folder can be made there (a system folder such as /proc or /sys, or a link to nothing): ${another}`,
  };
  return `could not ${doing} (${where}): ${(code && advice[code]) ?? (error as Error).message}. ${outcome}`;
}
