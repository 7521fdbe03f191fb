#!/usr/bin/env node
/**
 * The worst case for `coprod validate`: department files of just under
 * 2 MiB, each staying within every limit coprod applies (2 MiB, 250,000 YAML
 * tokens for a file that is not plain block YAML, 64 levels, 10,000 entries
 * in one list or record), and each built to be as costly as it can in one
 * way: a problem on every token, aliases, long one-line lists, the largest
 * ordinary file, thousands of records with a mistake each. The promise
 * (issue 19): any file within the limits validates in at most 1 s and 300 MB.
 *
 *   node bench/worst-case.mjs [--runs N] [--case NAME]   (after npm run build)
 *
 * Prints, for each case, the best wall time of N runs (default 3) and the
 * peak memory, against the promise; exit 1 if a case misses it. The tests
 * (tests/bench/worst-case.test.ts) run the same cases.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer } from 'yaml';
import { memoryProbe, runOnce } from './measure.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'coprod.js');
/** The tiny council each case is dropped into. */
const COUNCIL = path.join(ROOT, 'tests', 'fixtures', 'hostile', '_council');

/** coprod's limits (src/load/folder.ts and src/load/source.ts; a test checks they agree). */
export const LIMITS = { maxFileBytes: 2 * 1024 * 1024, maxYamlTokens: 200_000, maxItems: 10_000, maxDepth: 64 };
/** What any file within the limits may cost, at most. */
export const PROMISE = { seconds: 1, mebibytes: 300 };

/** YAML tokens as the library's lexer counts them (its markers for the parser stand for no text). */
export function countTokens(text) {
  let n = 0;
  for (const token of new Lexer().lex(text)) if (token !== '\u0002' && token !== '\u0018' && token !== '\u001f') n++;
  return n;
}

/** The largest `head + unit × n + tail` within the byte and token limits. */
function fill(head, unit, tail = '', { tokens = LIMITS.maxYamlTokens } = {}) {
  const text = (n) => head + unit.repeat(n) + tail;
  let low = 0;
  let high = Math.floor((LIMITS.maxFileBytes - head.length - tail.length) / Buffer.byteLength(unit));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (countTokens(text(mid)) <= tokens) low = mid;
    else high = mid - 1;
  }
  return text(low);
}

const ACTIVITY = readFileSync(path.join(COUNCIL, 'activities', 'economy.yaml'), 'utf8');
const ONE_ACTIVITY = ACTIVITY.slice(ACTIVITY.indexOf('  - id: econ-design'));

/**
 * As many of the tiny council's activities as fit within the limits, each
 * changed by `change` (and, with `tokens`, within the token limit too): the
 * biggest department file of that kind.
 */
function activities(change = (a) => a, { tokens = false } = {}) {
  const parts = ['department: economy\nactivities:\n'];
  let bytes = parts[0].length;
  for (let i = 0; i < LIMITS.maxItems; i++) {
    const next = change(ONE_ACTIVITY.replace('econ-design', `econ-design-${i}`));
    if (bytes + Buffer.byteLength(next) > LIMITS.maxFileBytes) break;
    parts.push(next);
    bytes += Buffer.byteLength(next);
  }
  if (!tokens) return parts.join('');
  let low = 1;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (countTokens(parts.slice(0, mid).join('')) <= LIMITS.maxYamlTokens) low = mid;
    else high = mid - 1;
  }
  return parts.slice(0, low).join('');
}

/** Every case: a name, what it aims at, and the department file. */
export const WORST_CASES = [
  {
    name: 'largest-ordinary',
    about: 'the largest ordinary department file: real activities up to 2 MiB (the fast reader, then every rule)',
    text: () => activities(),
  },
  {
    name: 'mistake-in-every-record',
    about:
      'as many activities as fit, each with a wrong type, an unknown field and a bad date (thousands of diagnostics, a hundred listed)',
    text: () =>
      activities((a) =>
        a.replace('residents: 6', 'residents: six').replace('start: 2023-04-01', 'start: 2023-02-30\n    colour: blue'),
      ),
  },
  {
    name: 'ordinary-with-emoji',
    about: 'the largest ordinary file, with an emoji in each title',
    text: () => activities((a) => a.replace('title: Design sign-off', 'title: Design sign-off 😀')),
  },
  {
    name: 'ordinary-not-plain',
    about:
      'the largest ordinary file with each summary over two lines (left by the fast reader to the library), within the token limit',
    text: () =>
      activities(
        (a) =>
          a.replace(
            'summary: The team met twice and signed off the entrance design.',
            'summary: The team met twice\n          and signed off the entrance design.',
          ),
        { tokens: true },
      ),
  },
  {
    name: 'alias-on-every-line',
    about: 'an alias on every line, each refused (the library, a problem on every token)',
    text: () => fill('department: economy\nx:\n', '- *a\n'),
  },
  {
    name: 'aliases-in-one-line',
    about: 'a one-line list of aliases',
    text: () => fill('department: economy\nx: [', '*a,', ']\n'),
  },
  {
    name: 'unclosed-quote-on-every-line',
    about: 'an unclosed quote on every line',
    text: () => fill('department: economy\n', '"\n'),
  },
  {
    name: 'long-one-line-list',
    about: 'a one-line list of numbers as long as the token limit allows',
    text: () => fill('department: economy\nx: [', '1,', ']\n'),
  },
  {
    name: 'one-line-records',
    about: 'a one-line list of one-line records',
    text: () => fill('department: economy\nx: [', '{a: 1},', ']\n'),
  },
  {
    name: 'comments',
    about: 'a short file followed by 2 MiB of comments',
    text: () =>
      `department: economy\nactivities: []\n${'# a comment\n'.repeat(Math.floor((LIMITS.maxFileBytes - 40) / 12))}`,
  },
  {
    name: 'nested-lists',
    about: 'lists of 10,000 numbers, as many as fit (the fast reader, then a wrong type on each)',
    text: () => {
      const list = `[${Array(LIMITS.maxItems).fill('1').join(', ')}]`;
      const lines = ['department: economy'];
      for (let i = 0; lines.join('\n').length + list.length + 20 < LIMITS.maxFileBytes; i++)
        lines.push(`note${i}: ${list}`);
      return `${lines.join('\n')}\n`;
    },
  },
  {
    name: 'deepest-nesting',
    about: 'records nested 64 deep, repeated to 2 MiB',
    text: () => {
      const deep = Array.from({ length: LIMITS.maxDepth - 1 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n');
      const lines = ['department: economy'];
      for (let i = 0; lines.join('\n').length + deep.length + 40 < LIMITS.maxFileBytes && i < LIMITS.maxItems - 1; i++)
        lines.push(`n${i}:\n${deep} 1`);
      return `${lines.join('\n')}\n`;
    },
  },
];

/** Writes a case as a council data folder and returns its path. */
export function writeCase(c, dir) {
  cpSync(COUNCIL, dir, { recursive: true });
  mkdirSync(path.join(dir, 'activities'), { recursive: true });
  const text = c.text();
  if (Buffer.byteLength(text) > LIMITS.maxFileBytes) throw new Error(`${c.name} is over the size limit`);
  writeFileSync(path.join(dir, 'activities', 'economy.yaml'), text);
  return dir;
}

/** Runs `coprod validate` on a case `runs` times: the best wall time and the highest peak memory. */
export function measureCase(c, { runs = 3, probe = memoryProbe() } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `coprod-worst-${c.name}-`));
  try {
    writeCase(c, dir);
    const results = [];
    for (let i = 0; i < runs; i++)
      results.push(
        runOnce([process.execPath, BIN, 'validate', '--data', dir, '--format', 'json'], {
          cwd: dir,
          env: { NO_COLOR: '1' },
          probe,
          exitCodes: [0, 1],
        }),
      );
    return {
      name: c.name,
      seconds: Math.min(...results.map((r) => r.seconds)),
      mebibytes: Math.max(...results.map((r) => (r.peakKiB ?? 0) / 1024)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv) {
  let runs = 3;
  let only;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--case') only = argv[++i];
    else {
      process.stderr.write(`unknown option ${argv[i]}\n`);
      return 2;
    }
  }
  let missed = 0;
  process.stdout.write(
    `| Case | Best of ${runs} s | Peak MiB | Within ${PROMISE.seconds} s and ${PROMISE.mebibytes} MiB |\n| --- | --- | --- | --- |\n`,
  );
  for (const c of WORST_CASES.filter((x) => !only || x.name === only)) {
    const m = measureCase(c, { runs });
    const met = m.seconds <= PROMISE.seconds && m.mebibytes <= PROMISE.mebibytes;
    if (!met) missed++;
    process.stdout.write(
      `| ${c.name} | ${m.seconds.toFixed(2)} | ${Math.round(m.mebibytes)} | ${met ? 'yes' : 'no'} |\n`,
    );
  }
  return missed === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
