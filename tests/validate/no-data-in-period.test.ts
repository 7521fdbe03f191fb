import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, spawnCli } from '../helpers/cli.js';

/** A council whose updates run from 2022/23-Q3 to 2023/24-Q1. */
const cwd = path.join(FIXTURES, 'validate-plans-followed-up');
const STACK = /\n\s+at .+:\d+:\d+/;

/** A period with no update and no assessment in it (here a mistyped year): exit 1, a message naming what the data covers, nothing written. */
const CASES = [
  { name: 'report --quarter', args: ['report', '--quarter', '2025/26-Q1'], period: '2025/26-Q1' },
  { name: 'summary --half', args: ['summary', '--half', '2025/26-H1'], period: '2025/26-H1' },
  { name: 'pack --half', args: ['pack', '--half', '2024/25-H2'], period: '2024/25-H2' },
];

describe('a paper asked for a period the data has nothing for', () => {
  it.each(CASES)(
    '$name: exits 1, names the quarters the data covers, writes nothing (built binary and in-process)',
    async ({ args, period }) => {
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'coprod-no-data-')), 'papers');
      const full = [...args, '--data', '.', '--out', out];
      const spawned = spawnCli(full, { cwd });
      expect(spawned.code).toBe(1);
      expect(spawned.stderr).toContain(`no update or assessment for ${period}`);
      expect(spawned.stderr).toContain('the data covers 2022/23-Q3 to 2023/24-Q1');
      expect(spawned.stderr).not.toMatch(STACK);
      // The coverage warnings of an empty period would only mislead.
      expect(spawned.stderr).not.toContain('warning');
      await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
      const inProcess = await runCli(full, { cwd });
      expect({ code: inProcess.code, stderr: inProcess.stderr }).toEqual({
        code: spawned.code,
        stderr: spawned.stderr,
      });
    },
  );

  it('a half with data in one of its quarters is not refused', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'coprod-no-data-')), 'papers');
    const result = spawnCli(['summary', '--half', '2023/24-H1', '--data', '.', '--out', out, '--format', 'md'], {
      cwd,
    });
    expect(result.stderr).not.toContain('no update or assessment');
    expect(result.code).toBe(0);
  });
});
