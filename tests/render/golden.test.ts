import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOLDEN_COUNCIL } from '../helpers/dataset.js';

/**
 * Whole-document golden files for the fixture council. After an intended
 * change to a template or a model, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/render/golden.test.ts` and read the diff.
 */
const EXPECTED = path.join(GOLDEN_COUNCIL, 'expected');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const RUNS: string[][] = [
  ['report', '--quarter', '2023/24-Q1'],
  ['report', '--quarter', '2023/24-Q2'],
  ['summary', '--half', '2023/24-H1'],
];

describe('golden files for the fixture council', () => {
  let out: string;
  let rendered: string[];
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'coprod-golden-'));
    for (const args of RUNS) {
      const result = await runCli([...args, '--data', GOLDEN_COUNCIL, '--out', out, '--format', 'md']);
      if (result.code !== 0) throw new Error(`coprod ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    }
    rendered = (await readdir(out)).filter((f) => f.endsWith('.md')).sort();
    if (UPDATE) {
      await mkdir(EXPECTED, { recursive: true });
      for (const name of rendered) await writeFile(path.join(EXPECTED, name), await readFile(path.join(out, name)));
    }
  });

  it('renders one update per committee per quarter and one summary for the Board', async () => {
    expect(rendered).toEqual([
      'people-pac-2023-24-q1.md',
      'people-pac-2023-24-q2.md',
      'places-pac-2023-24-q1.md',
      'places-pac-2023-24-q2.md',
      'pob-2023-24-h1.md',
    ]);
    expect((await readdir(EXPECTED)).sort()).toEqual(rendered);
  });

  it.each([
    'people-pac-2023-24-q1.md',
    'people-pac-2023-24-q2.md',
    'places-pac-2023-24-q1.md',
    'places-pac-2023-24-q2.md',
    'pob-2023-24-h1.md',
  ])('%s matches its golden file', async (name) => {
    const actual = await readFile(path.join(out, name), 'utf8');
    const expected = await readFile(path.join(EXPECTED, name), 'utf8');
    expect(actual).toBe(expected);
  });
});
