import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCouncil } from '../../bench/generate.mjs';
import { spawnCli } from '../helpers/cli.js';

/** Every file under `dir`, by relative path, with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), await readFile(file));
  }
  return out;
}

const tempDir = () => mkdtemp(path.join(tmpdir(), 'coprod-bench-gen-'));

describe('bench/generate.mjs', () => {
  it('writes byte-identical files for the same seed', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    generateCouncil({ activities: 20, seed: 42, out: a });
    generateCouncil({ activities: 20, seed: 42, out: b });
    const first = await snapshot(a);
    expect([...first.keys()].sort()).toEqual(expect.arrayContaining(['council.yaml', 'framework.yaml']));
    expect([...first.keys()].filter((k) => k.startsWith('activities')).length).toBeGreaterThanOrEqual(2);
    expect(await snapshot(b)).toEqual(first);
  });

  it('writes different activity for a different seed', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    generateCouncil({ activities: 20, seed: 1, out: a });
    generateCouncil({ activities: 20, seed: 2, out: b });
    expect(await snapshot(b)).not.toEqual(await snapshot(a));
  });

  it('writes a council that validates with no errors and reports for 2023/24-Q1', async () => {
    const data = await tempDir();
    generateCouncil({ activities: 20, seed: 42, out: data });
    const result = spawnCli(['validate', '--data', data, '--format', 'json']);
    const parsed = JSON.parse(result.stdout) as {
      summary: { errors: number };
      diagnostics: { code: string; severity: string; message: string }[];
    };
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
    const report = spawnCli([
      'report',
      '--quarter',
      '2023/24-Q1',
      '--data',
      data,
      '--out',
      path.join(data, 'out'),
      '--format',
      'md',
    ]);
    expect(report.code).toBe(0);
  });

  it('refuses to empty a folder it did not write', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'notes.txt'), 'keep me');
    expect(() => generateCouncil({ activities: 5, out: dir })).toThrow(/not written by bench\/generate\.mjs/);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});
