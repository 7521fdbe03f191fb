import type { CheckMeta } from './rule.js';

/**
 * The checks made while a file is read and against the schema (src/load/,
 * ./schema-issues.ts), described as the rules in ./rules/ describe
 * themselves, so that docs/diagnostics.md covers every code.
 */
export const LOAD_CHECKS: readonly CheckMeta[] = [
  {
    code: 'file-unreadable',
    severity: 'error',
    description:
      'The file cannot be opened: permission, a broken link or a link loop, a folder in its place. Exit 2: a problem of the machine, not the data.',
    example: '# activities/economy.yaml is a link to a file that was deleted',
    hint: 'check that the file exists and that you may read it',
  },
  {
    code: 'missing-council',
    severity: 'error',
    description: 'The data folder has no `council.yaml`. Exit 2.',
    example: '# data/ holds activities/ but no council.yaml',
    hint: 'run coprod in the folder above the data, give --data, or start a council with `coprod init`',
  },
  {
    code: 'file-too-large',
    severity: 'error',
    description:
      'The file is over 2 MiB; or it is not plain block YAML and has more than 200,000 YAML tokens; or one list or record in it has more than 10,000 entries.',
    example: '# a 5 MB export pasted in as activities/economy.yaml',
    hint: "check that this is the department's data file, and not a file generated or pasted in by mistake",
  },
  {
    code: 'file-empty',
    severity: 'error',
    description: 'The file is empty or holds only comments.',
    example: '# nothing but this comment',
    hint: 'write the fields the file needs, or delete the file',
  },
  {
    code: 'file-not-mapping',
    severity: 'error',
    description: 'The file holds a list or a single value instead of `key: value` fields.',
    example: '- econ-signoff\n- econ-forum',
    hint: 'start the file with its fields, e.g. `department: economy`',
  },
  {
    code: 'encoding-invalid-utf8',
    severity: 'error',
    description: 'The file is not saved as UTF-8; the diagnostic points at the first bad character.',
    example: '# saved as Windows-1252 from an old editor: title: Café',
    hint: 'save the file as UTF-8',
  },
  {
    code: 'yaml-syntax',
    severity: 'error',
    description: 'The YAML cannot be read at this point (an unclosed quote or bracket, …).',
    example: 'title: "Economy forum',
    hint: 'close the quote or bracket',
  },
  {
    code: 'yaml-tab',
    severity: 'error',
    description: 'A line is indented with a tab.',
    example: 'activities:\n\t- id: econ-signoff',
    hint: 'indent with spaces',
  },
  {
    code: 'yaml-duplicate-key',
    severity: 'error',
    description: 'The same key appears twice in one record.',
    example: 'title: Forum\ntitle: Economy forum',
    hint: 'keep one of the two',
  },
  {
    code: 'yaml-alias',
    severity: 'error',
    description: 'An alias (`*name`) is used; aliases are refused, which guards against "billion laughs" files.',
    example: 'wards: *all-wards',
    hint: 'write the value out in full',
  },
  {
    code: 'yaml-too-deep',
    severity: 'error',
    description: 'Records are nested more than 64 levels deep.',
    example: 'a: {b: {c: {d: … }}}   # 65 levels',
    hint: "check that this is the department's data file",
  },
  {
    code: 'unsafe-key',
    severity: 'error',
    description: 'A `__proto__`, `constructor` or `prototype` key.',
    example: '__proto__: {}',
    hint: 'delete the key',
  },
  {
    code: 'invalid-character',
    severity: 'error',
    description:
      'A character that cannot go into a Word document (control characters other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates).',
    example: 'title: "Forum\\u0007"',
    hint: 'delete the character: it is usually invisible, pasted in from another program',
  },
  {
    code: 'logo-unusable',
    severity: 'error',
    description:
      'The logo named in `council.yaml` is missing, outside the data folder, not an ordinary file (a pipe, a device, a folder), over 5 MiB, or not a PNG or JPEG.',
    example: 'style:\n  logo:\n    path: ../../etc/logo.png',
    hint: 'put a PNG or JPEG logo in the data folder and name it there',
  },
  {
    code: 'unknown-field',
    severity: 'error',
    description: 'A field coprod does not know, with "did you mean".',
    example: 'measure: ["5.1"]',
    hint: 'did you mean `measures`?',
  },
  {
    code: 'missing-field',
    severity: 'error',
    description: 'A required field is missing or has no value.',
    example: '- id: econ-signoff\n  # no title',
    hint: 'add `title:` with a value',
  },
  {
    code: 'wrong-type',
    severity: 'error',
    description: 'A value of the wrong kind: text where a number is needed, or `yes` where `true` is.',
    example: 'residents: twelve',
    hint: 'write a number, e.g. 12',
  },
  {
    code: 'invalid-value',
    severity: 'error',
    description: 'A value outside the allowed list or form (a status, an id, an email).',
    example: 'status: finished',
    hint: 'one of planned, in-progress, completed, paused, cancelled',
  },
  {
    code: 'invalid-date',
    severity: 'error',
    description: 'Not a real calendar date written YYYY-MM-DD (`2023-02-30`, `30/02/2020`).',
    example: 'start: 30/02/2020',
    hint: 'write the date as YYYY-MM-DD, e.g. 2023-04-01',
  },
  {
    code: 'invalid-quarter',
    severity: 'error',
    description: 'Not a financial-year quarter like `2023/24-Q1`.',
    example: 'quarter: 2023-Q1',
    hint: 'write the quarter as YYYY/YY-Qn, e.g. 2023/24-Q1',
  },
  {
    code: 'negative-number',
    severity: 'error',
    description: 'A negative count or amount of money.',
    example: 'spend: -200',
    hint: 'write the amount without a minus sign',
  },
];
