import * as fsp from 'node:fs/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeJsonText, MARK, printable, terminalSafe } from '../../src/diagnostics/sanitise.js';
import type {
  CheckboxQuestion,
  ConfirmQuestion,
  InputQuestion,
  Prompts,
  SelectQuestion,
} from '../../src/prompt/prompts.js';
import { PromptCancelled } from '../../src/prompt/prompts.js';
import { runOnTerminal } from '../authoring/helpers.js';
import { copyToTemp, FIXTURES, ROOT, runCli } from '../helpers/cli.js';

/**
 * Nothing from the data, a file name or an argument reaches a terminal as a
 * control character: no byte 0x00–0x1F but tab and newline, no DEL, no C1
 * control (0x80–0x9F as characters), no bidirectional control, from any
 * command, on standard output, standard error or in a question asked.
 */

/** What must never be printed: C0 but tab and newline, DEL, C1, bidirectional controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The colour sequences coprod itself writes with FORCE_COLOR. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001B\[[0-9;]*m/g;

/** Every kind of hostile text: ESC and OSC sequences, C1 CSI and NEL, DEL, NUL, bell, backspace, CR, bidi overrides and isolates. */
const HOSTILE = [
  '\u001B[2J\u001B[31m',
  '\u001B]0;owned\u0007',
  '\u009B31m',
  '\u0085',
  '\u007F',
  '\u0000',
  '\u0008',
  '\r',
  '\u202E',
  '\u2066',
  '\u200F',
  '\u061C',
  '\u009D8;;http://x\u009C',
];

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempCopy(src: string): Promise<string> {
  const dir = await copyToTemp(src, 'coprod-terminal-');
  temporary.push(dir);
  return dir;
}

function expectClean(output: string, where: string): void {
  const bad = FORBIDDEN.exec(output.replace(SGR, ''));
  expect(
    bad === null,
    `${where}: U+${bad?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${bad?.index}: ${JSON.stringify(output.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 10))}`,
  ).toBe(true);
}

describe('the sanitiser', () => {
  const anyText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(...HOSTILE.join('')),
      fc.constantFrom('a', ' ', 'é', '\t', '\n'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  });

  it('printable and terminalSafe leave no control character, only marks; tab and newline stay', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(FORBIDDEN.test(printable(text))).toBe(false);
        expect(FORBIDDEN.test(terminalSafe(text, false))).toBe(false);
        expect(FORBIDDEN.test(terminalSafe(text, true).replace(SGR, ''))).toBe(false);
        expect(printable(`a\tb\n${text}`).startsWith('a\tb\n')).toBe(true);
      }),
      { seed: 19, numRuns: 500 },
    );
    expect(printable('\u001B[31mred')).toBe(`${MARK}[31mred`);
  });

  it("with colour on, coprod's own colour sequences pass and nothing else does", () => {
    expect(terminalSafe('\u001B[31merror\u001B[39m \u001B]0;x\u0007 \u001B[2J', true)).toBe(
      `\u001B[31merror\u001B[39m ${MARK}]0;x${MARK} ${MARK}[2J`,
    );
    expect(terminalSafe('\u001B[31merror\u001B[39m', false)).toBe(`${MARK}[31merror${MARK}[39m`);
  });

  it('escapeJsonText keeps the JSON value and leaves no raw C1, DEL or bidirectional control', () => {
    fc.assert(
      fc.property(fc.jsonValue(), anyText, (value, text) => {
        const json = escapeJsonText(JSON.stringify({ value, text }, null, 2));
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
        expect(FORBIDDEN.test(json)).toBe(false);
      }),
      { seed: 20, numRuns: 300 },
    );
  });
});

/**
 * A council whose words hold every kind of hostile text where a paper,
 * a prompt or a message may show it: its name, a department, a group, an
 * activity's title and last plan. C1 and bidirectional controls can be
 * stored in Word, so this council validates and renders; C0 controls
 * (ESC) cannot, so a second copy holds those and is refused, printing them.
 */
async function hostileCouncil(): Promise<{ renders: string; refused: string }> {
  const renders = await tempCopy(path.join(ROOT, 'data'));
  const c1 = '\u009B31m\u0085\u007F\u202E\u2066\u200F';
  const council = path.join(renders, 'council.yaml');
  await writeFile(
    council,
    (await readFile(council, 'utf8')).replace(/^( {2}name: )(.+)$/m, `$1"$2 ${escapeYaml(c1)}"`),
  );
  const health = path.join(renders, 'activities', 'public-health.yaml');
  const text = (await readFile(health, 'utf8'))
    .replace('title: Easy read NHS Health Check invitations', `title: "Easy read ${escapeYaml(c1)} invitations"`)
    .replace(
      '          Ask the remaining practices to use the letters and gather uptake figures.',
      `          Ask the remaining practices ${c1} to use the letters.`,
    );
  await writeFile(health, text);
  const refused = await tempCopy(renders);
  const c0 = HOSTILE.map(escapeYaml).join(' ');
  const file = path.join(refused, 'activities', 'public-health.yaml');
  await writeFile(
    file,
    (await readFile(file, 'utf8')).replace(/title: "Easy read [^"]*"/, `title: "Easy read ${c0}"\n    "${c0}": 1`),
  );
  // A file name with an escape in it: named in every diagnostic about it.
  await fsp.copyFile(file, path.join(refused, 'activities', 'x\u001B[2Jx\u009B.yaml'));
  return { renders, refused };
}

/** A YAML double-quoted escape for each character outside printable ASCII. */
function escapeYaml(text: string): string {
  return [...text]
    .map((ch) =>
      /[\x20-\x7E]/.test(ch) && ch !== '"' && ch !== '\\'
        ? ch
        : `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`,
    )
    .join('');
}

describe("every command's output, with hostile text in the data, names and arguments", () => {
  it('no control character reaches standard output or standard error, with colour off or on', async () => {
    const { renders, refused } = await hostileCouncil();
    const out = await mkdtemp(path.join(tmpdir(), 'coprod-terminal-out-'));
    temporary.push(out);
    const hostileArg = `x${HOSTILE.join('')}`;
    const commands: [string, string[]][] = [
      ['validate (renders)', ['validate', '--data', renders]],
      ['validate --format json (renders)', ['validate', '--data', renders, '--format', 'json', '--strict']],
      ['validate (refused)', ['validate', '--data', refused]],
      ['validate --format json (refused)', ['validate', '--data', refused, '--format', 'json']],
      [
        'report',
        ['report', '--quarter', '2023/24-Q2', '--data', renders, '--out', path.join(out, 'r'), '--format', 'md'],
      ],
      ['report (refused)', ['report', '--quarter', '2023/24-Q2', '--data', refused, '--out', path.join(out, 'x')]],
      [
        'summary',
        ['summary', '--half', '2023/24-H1', '--data', renders, '--out', path.join(out, 's'), '--format', 'md'],
      ],
      [
        'pack --json',
        [
          'pack',
          '--half',
          '2023/24-H1',
          '--data',
          renders,
          '--out',
          path.join(out, `p${HOSTILE[0]}`),
          '--format',
          'md',
          '--json',
        ],
      ],
      [
        'pack --check',
        ['pack', '--half', '2023/24-H1', '--data', renders, '--out', path.join(out, 'r'), '--format', 'md', '--check'],
      ],
      [
        'add update (flags)',
        [
          'add',
          'update',
          '--data',
          renders,
          '--activity',
          'ph-easy-read-health-checks',
          '--quarter',
          '2023/24-Q3',
          '--summary',
          hostileArg,
          '--residents',
          '3',
          '--follow-up',
          'done',
          '--yes',
        ],
      ],
      ['add activity (bad flag value)', ['add', 'activity', '--data', renders, '--department', hostileArg]],
      [
        'init',
        ['init', path.join(out, 'init'), '--name', hostileArg, '--committee', hostileArg, '--department', hostileArg],
      ],
      ['init onto a file', ['init', path.join(renders, 'council.yaml')]],
      ['an unknown option', ['validate', `--${hostileArg}`]],
      ['a bad quarter', ['report', '--quarter', hostileArg]],
      ['a missing data folder', ['validate', '--data', hostileArg]],
      ['an unknown committee', ['validate', '--data', renders, '--committee', hostileArg]],
      [
        'templates folder',
        [
          'report',
          '--quarter',
          '2023/24-Q2',
          '--data',
          renders,
          '--out',
          path.join(out, 't'),
          '--templates',
          hostileArg,
        ],
      ],
      ['schema', ['schema', '--kind', 'council']],
    ];
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }]) {
      for (const [what, args] of commands) {
        const result = await runCli(args, { env: { ...env, SOURCE_DATE_EPOCH: '1700000000' } });
        expectClean(result.stdout, `${what} stdout ${JSON.stringify(env)}`);
        expectClean(result.stderr, `${what} stderr ${JSON.stringify(env)}`);
      }
    }
    // The refused council's escapes were there to be printed, and were printed as marks.
    const refusedRun = await runCli(['validate', '--data', refused]);
    expect(refusedRun.stdout).toContain(MARK);
    expect(refusedRun.stdout).toMatch(/x.\[2Jx.\.yaml/u);
  }, 120_000);

  it('in any text of an update, whatever it holds: validate, report and add print nothing raw (property)', async () => {
    const base = await tempCopy(path.join(FIXTURES, 'validate-clean'));
    const file = path.join(base, 'activities', 'economy.yaml');
    const original = await readFile(file, 'utf8');
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom(...HOSTILE.join('')), fc.constantFrom(...'ab :#"\\')),
      minLength: 1,
      maxLength: 12,
    });
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('title', 'summary', 'key'), async (hostile, where) => {
        const quoted = `"${escapeYaml(hostile)}"`;
        const changed =
          where === 'title'
            ? original.replace('title: Design sign-off', `title: ${quoted}`)
            : where === 'summary'
              ? original.replace(/summary: .*/, `summary: ${quoted}`)
              : original.replace('        residents: 6\n', `        residents: 6\n        ${quoted}: 1\n`);
        await writeFile(file, changed);
        for (const args of [
          ['validate', '--data', base],
          ['validate', '--data', base, '--format', 'json'],
          [
            'report',
            '--quarter',
            '2023/24-Q1',
            '--data',
            base,
            '--out',
            path.join(base, 'out'),
            '--format',
            'md',
            '--force',
          ],
        ]) {
          const result = await runCli(args);
          expectClean(result.stdout + result.stderr, `${args[0]} with ${JSON.stringify(hostile)} in the ${where}`);
        }
      }),
      { seed: 1919, numRuns: 25 },
    );
  }, 120_000);
});

/** Prompts that record every text shown and answer as a hurried person would, stopping after `stopAt` is asked. */
class RecordingPrompts implements Prompts {
  readonly shown: string[] = [];
  constructor(
    private readonly choose: (names: readonly string[]) => number,
    private readonly stopAt: RegExp,
  ) {}

  private see(message: string, more: readonly (string | undefined)[] = []): void {
    this.shown.push(message, ...more.filter((m): m is string => m !== undefined));
    if (this.stopAt.test(message)) throw new PromptCancelled();
  }

  async input(q: InputQuestion): Promise<string> {
    this.see(q.message, [q.default]);
    for (const answer of [q.default ?? '', '1', 'Some words']) {
      const verdict = q.validate ? q.validate(answer) : true;
      if (verdict === true) return answer;
      this.shown.push(verdict);
    }
    return 'Some words';
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    this.see(
      q.message,
      q.choices.flatMap((c) => [c.name, c.description]),
    );
    return q.choices[this.choose(q.choices.map((c) => c.name))].value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    this.see(
      q.message,
      q.choices.flatMap((c) => [c.name, c.description]),
    );
    return [];
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    this.see(q.message);
    return false;
  }
}

describe('questions asked on a terminal', () => {
  it("add update shows activity titles and last quarter's plan with their control characters as marks", async () => {
    const { renders } = await hostileCouncil();
    const pick = (names: readonly string[]) =>
      Math.max(
        0,
        names.findIndex((n) => /public-health|Public Health|Easy read/.test(n)),
      );
    const prompts = new RecordingPrompts(pick, /How did it turn out/);
    const result = await runOnTerminal(['add', 'update', '--data', renders], prompts);
    expect(result.stderr).toContain('cancelled');
    const plan = prompts.shown.find((s) => /How did it turn out/.test(s));
    expect(plan, prompts.shown.join('\n')).toBeDefined();
    expect(plan).toContain(`Ask the remaining practices ${MARK}31m${MARK.repeat(5)} to use the letters.`);
    expect(prompts.shown.some((s) => s.includes(`Easy read ${MARK}31m${MARK.repeat(5)} invitations`))).toBe(true);
    for (const text of prompts.shown) expectClean(text, 'a question');
    expectClean(result.stdout + result.stderr, 'add update output');
  });
});
