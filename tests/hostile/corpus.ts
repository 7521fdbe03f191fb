import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../src/load/folder.js';
import { FIXTURES } from '../helpers/cli.js';

/**
 * The hostile corpus: `tests/fixtures/hostile/<case>/` holds the files a case
 * changes in a tiny council (`_council/`) and `expected.json`. Cases too big
 * or too binary to commit name a generator here instead, which writes them
 * into the case's temporary copy at test time.
 */
export const HOSTILE = path.join(FIXTURES, 'hostile');
const BASE = path.join(HOSTILE, '_council');

/** One expected diagnostic; with `count`, that many of this code in this file, the first at line and column. */
export interface ExpectedDiagnostic {
  code: string;
  severity: string;
  file: string;
  line?: number;
  column?: number;
  count?: number;
}

export interface Expected {
  /** What the case is, in a sentence. */
  about: string;
  /** A generator below that writes the case's files into its copy. */
  generate?: string;
  exit: number;
  diagnostics: ExpectedDiagnostic[];
  /** Also run it through the built binary, with a wall-clock timeout. */
  spawn?: boolean;
  /** How long the case may take, in seconds (default 10). */
  seconds?: number;
}

export interface Case {
  name: string;
  expected: Expected;
}

export function hostileCases(): Case[] {
  return readdirSync(HOSTILE, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => ({
      name: e.name,
      expected: JSON.parse(readFileSync(path.join(HOSTILE, e.name, 'expected.json'), 'utf8')) as Expected,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A fresh council folder for a case: the tiny council, the case's files over it, then its generator. */
export async function prepareCase(c: Case): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(tmpdir(), `coprod-hostile-${c.name}-`));
  await fsp.cp(BASE, dir, { recursive: true });
  await fsp.cp(path.join(HOSTILE, c.name), dir, {
    recursive: true,
    filter: (src) => path.basename(src) !== 'expected.json',
  });
  if (c.expected.generate) {
    const generate = GENERATORS[c.expected.generate];
    if (!generate) throw new Error(`${c.name}: no generator named ${c.expected.generate}`);
    await generate(dir);
  }
  return dir;
}

/** The tiny council's department file, which most generators start from. */
export const BASE_ACTIVITIES = readFileSync(path.join(BASE, 'activities', 'economy.yaml'), 'utf8');
const BASE_COUNCIL = readFileSync(path.join(BASE, 'council.yaml'), 'utf8');

/** A small seeded generator (mulberry32), so "random" bytes are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Activities like the tiny council's, each with its own id, to at least `bytes` long: a valid-looking department file of any size. */
export function activitiesOfSize(bytes: number): string {
  const one = BASE_ACTIVITIES.slice(BASE_ACTIVITIES.indexOf('  - id: econ-design'));
  const parts = ['department: economy\nactivities:\n'];
  let length = parts[0].length;
  for (let i = 0; length < bytes; i++) {
    const next = one.replace('econ-design', `econ-design-${i}`);
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

const activities = (dir: string, name = 'economy.yaml') => path.join(dir, 'activities', name);
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const withSummary = (summary: string) =>
  BASE_ACTIVITIES.replace('The team met twice and signed off the entrance design.', summary);

/** An update line added after `coChairs: 1`, at line 17 of the department file. */
const afterCoChairs = (extra: string) =>
  BASE_ACTIVITIES.replace('        coChairs: 1\n', `        coChairs: 1\n${extra}`);

const GENERATORS: Record<string, (dir: string) => Promise<void>> = {
  'deep-flow-sequences': (dir) =>
    fsp.writeFile(activities(dir), `department: economy\nnotes: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
  'deep-flow-mappings': (dir) =>
    fsp.writeFile(activities(dir), `department: economy\nnotes: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`),
  'deep-compact-sequences': (dir) =>
    fsp.writeFile(activities(dir), `department: economy\nnotes:\n  ${'- '.repeat(20_000)}x\n`),
  // 2,000 levels, one more space each: 20,000 would be 200 MB of spaces.
  'deep-block-indentation': (dir) =>
    fsp.writeFile(
      activities(dir),
      `department: economy\nnotes:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`,
    ),
  'random-bytes': async (dir) => {
    const next = seeded(20240909);
    await fsp.writeFile(
      activities(dir),
      Uint8Array.from({ length: 65_536 }, () => Math.floor(next() * 256)),
    );
  },
  'ten-megabytes': (dir) => fsp.writeFile(activities(dir), activitiesOfSize(10 * 1000 * 1000)),
  'just-over-the-limit': (dir) =>
    fsp.writeFile(activities(dir), `${activitiesOfSize(MAX_FILE_BYTES).slice(0, MAX_FILE_BYTES)}\n`),
  'just-under-the-limit': async (dir) => {
    const text = activitiesOfSize(MAX_FILE_BYTES - 8192);
    await fsp.writeFile(activities(dir), text.slice(0, text.lastIndexOf('  - id: econ-design-')));
  },
  'one-megabyte-value': (dir) => fsp.writeFile(activities(dir), withSummary('word '.repeat(210_000).trim())),
  'long-key': (dir) =>
    fsp.writeFile(
      activities(dir),
      BASE_ACTIVITIES.replace('        residents: 6\n', `        ${'k'.repeat(2000)}: 6\n`),
    ),
  'latin1-pound-in-council': (dir) =>
    fsp.writeFile(
      path.join(dir, 'council.yaml'),
      latin1(BASE_COUNCIL.replace('  name: Test Borough\n', '  name: Test Borough \u00a31m fund\n')),
    ),
  'windows-1252-quotes': (dir) =>
    fsp.writeFile(activities(dir), splice(withSummary('Accessible entrance'), 'summary: ', [0x93])),
  'utf8-overlong': (dir) => fsp.writeFile(activities(dir), splice(BASE_ACTIVITIES, 'title: Design ', [0xc0, 0xaf])),
  'utf8-encoded-surrogate': (dir) =>
    fsp.writeFile(activities(dir), splice(BASE_ACTIVITIES, 'summary: ', [0xed, 0xa0, 0x80])),
  'utf16-with-bom': (dir) =>
    fsp.writeFile(activities(dir), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE_ACTIVITIES, 'utf16le')])),
  'nul-byte': (dir) =>
    fsp.writeFile(activities(dir), withSummary('The team met twice and signed off\u0000 the entrance design.')),
  'old-mac-line-endings': (dir) => fsp.writeFile(activities(dir), BASE_ACTIVITIES.replace(/\n/g, '\r')),
  'empty-file': (dir) => fsp.writeFile(activities(dir), ''),
  'empty-but-bom-and-crlf': (dir) => fsp.writeFile(activities(dir), '\ufeff\r\n  \r\n'),
  'folder-as-data-file': (dir) => fsp.mkdir(activities(dir, 'foo.yaml')),
  'council-is-a-folder': async (dir) => {
    await fsp.rm(path.join(dir, 'council.yaml'));
    await fsp.mkdir(path.join(dir, 'council.yaml'));
  },
  'symlink-loop': (dir) => fsp.symlink('loop.yaml', activities(dir, 'loop.yaml')),
  'symlink-dangling': (dir) => fsp.symlink('missing.yaml', activities(dir, 'gone.yaml')),
  'symlink-to-dev-zero': (dir) => fsp.symlink('/dev/zero', activities(dir, 'zero.yaml')),
  'fifo-as-data-file': (dir) => makeFifo(activities(dir, 'pipe.yaml')),
  'logo-fifo': (dir) => makeFifo(path.join(dir, 'logo.png')),
  'logo-link-outside': (dir) => fsp.symlink('/etc/passwd', path.join(dir, 'logo.png')),
  'logo-folder': (dir) => fsp.mkdir(path.join(dir, 'logo.png')),
  'flood-aliases': (dir) =>
    fsp.writeFile(
      activities(dir),
      `department: economy\nlaughs: &a lol\nmore: [${Array(60_000).fill('*a').join(',')}]\n`,
    ),
  'flood-duplicate-keys': (dir) =>
    fsp.writeFile(activities(dir), `department: economy\n${'department: economy\n'.repeat(30_000)}`),
  'flood-unknown-fields': (dir) =>
    fsp.writeFile(
      activities(dir),
      afterCoChairs(Array.from({ length: 9_000 }, (_, i) => `        note${i}: x\n`).join('')),
    ),
  'flood-wrong-type': (dir) =>
    fsp.writeFile(
      activities(dir),
      BASE_ACTIVITIES.replace(
        '    start: 2023-04-01\n',
        `    start: 2023-04-01\n    wards: [${Array(9_000).fill('1').join(',')}]\n`,
      ),
    ),
  'huge-list': (dir) =>
    fsp.writeFile(
      activities(dir),
      BASE_ACTIVITIES.replace(
        '    start: 2023-04-01\n',
        `    start: 2023-04-01\n    wards: [${Array(12_000).fill('1').join(',')}]\n`,
      ),
    ),
  'flood-invalid-characters': (dir) =>
    fsp.writeFile(
      activities(dir),
      BASE_ACTIVITIES.replace(
        '    start: 2023-04-01\n',
        `    start: 2023-04-01\n    wards: [${Array(9_000).fill('"\\0"').join(',')}]\n`,
      ),
    ),
};

/** `text` with raw `bytes` inserted after the first `after`. */
function splice(text: string, after: string, bytes: number[]): Buffer {
  const at = text.indexOf(after) + after.length;
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]);
}

async function makeFifo(file: string): Promise<void> {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error('mkfifo is not available');
}

/** Whether a generator can run here (a FIFO needs mkfifo). */
export function canGenerate(name: string | undefined): boolean {
  if (name === 'fifo-as-data-file' || name === 'logo-fifo')
    return spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
  if (name === 'symlink-to-dev-zero') return existsSync('/dev/zero');
  return true;
}
