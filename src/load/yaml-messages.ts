import type { YAMLError } from 'yaml';
import type { DiagnosticCode } from '../diagnostics/diagnostic.js';

/** What a YAML parser error means for someone editing the file by hand. */
export interface YamlProblem {
  code: DiagnosticCode;
  message: string;
  hint?: string;
}

/**
 * Turns an error from the `yaml` parser into plain words. The parser's own
 * messages are written for programmers ("Nested mappings are not allowed in
 * compact mappings"); these say what to change. `text` is the file's text,
 * used to name a duplicated key.
 */
export function describeYamlError(error: YAMLError, text: string): YamlProblem {
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return {
        code: 'yaml-tab',
        message: 'This line is indented with a tab; YAML needs spaces',
        hint: 'replace the tab with spaces',
      };
    case 'DUPLICATE_KEY':
      return describeDuplicateKey(text, error.pos[0]);
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        code: 'yaml-syntax',
        message: 'There is a second `key:` on this line',
        hint: 'if the colon is part of the text, put the whole text in quotes; otherwise start the second key on a new line',
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        code: 'yaml-syntax',
        message: 'This line is not a `key: value` pair and does not continue the value above',
        hint: 'check the indentation, or put a long value in quotes or after `>-`',
      };
    case 'BAD_INDENT':
      return /end with a \]|end with a \}/.test(error.message)
        ? {
            code: 'yaml-syntax',
            message: 'A list or mapping opened with `[` or `{` is not closed',
            hint: 'add the closing `]` or `}` at the end of the value',
          }
        : {
            code: 'yaml-syntax',
            message: 'The indentation here does not line up with the lines above',
            hint: 'indent fields of the same record by the same number of spaces',
          };
    case 'MISSING_CHAR':
      return /quote/.test(error.message)
        ? { code: 'yaml-syntax', message: 'A quoted text is not closed', hint: 'add the closing quote mark' }
        : { code: 'yaml-syntax', message: `Something is missing here (${lowerFirst(firstLine(error.message))})` };
    case 'BAD_DQ_ESCAPE':
      return {
        code: 'yaml-syntax',
        message: 'A backslash in double quotes starts an escape that YAML does not know',
        hint: 'write \\\\ for a backslash, or use single quotes',
      };
    case 'BAD_SCALAR_START':
      return {
        code: 'yaml-syntax',
        message: 'A value cannot start with this character unless it is quoted',
        hint: 'put the value in quotes',
      };
    case 'MULTIPLE_DOCS':
      return {
        code: 'yaml-syntax',
        message: 'A `---` line starts a second document; coprod reads one per file',
        hint: 'remove the `---` line, or move what follows into its own file',
      };
    case 'KEY_OVER_1024_CHARS':
      return {
        code: 'yaml-syntax',
        message: 'This key is longer than 1024 characters',
        hint: 'check for a missing line break or colon',
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        code: 'yaml-syntax',
        message: 'This YAML tag (`!…`) is not one coprod understands',
        hint: 'remove the tag',
      };
    default:
      return { code: 'yaml-syntax', message: `The YAML cannot be read here (${lowerFirst(firstLine(error.message))})` };
  }
}

/** A key written a second time in one record, at `offset` in `text`. */
export function describeDuplicateKey(text: string, offset: number): YamlProblem {
  const key = keyAt(text, offset);
  return {
    code: 'yaml-duplicate-key',
    message: `The key ${key ? `\`${key}\`` : 'here'} appears twice in the same record`,
    hint: 'keep one of them: the other would be silently ignored',
  };
}

/** The key written at `offset`, without quotes. */
function keyAt(text: string, offset: number): string | undefined {
  const raw = /^[^:\n]*/.exec(text.slice(offset, offset + 200))?.[0].trim();
  const key = raw?.replace(/^(["'])(.*)\1$/, '$2');
  return key ? key : undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+.*$/, '').replace(/[.:]\s*$/, '');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
