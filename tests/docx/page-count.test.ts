import { execFileSync, spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { hasCommand } from './read.js';

/**
 * How long the sample council's papers are as a reader gets them: the DOCX
 * laid out by LibreOffice. A committee's quarterly update fits in 10 A4
 * pages, about the length of the council's own quarterly report in the seeds,
 * and the board's summary in 12. (They were 8 and 10 before the papers said
 * who took part by group, with its three tables, and carried their charts.)
 */

const LIMITS = { quarterly: 10, summary: 12 };
let dir: string;

function pages(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'coprod-pages-'));
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('the sample papers laid out by LibreOffice', () => {
  it(`are at most ${LIMITS.quarterly} pages for each quarterly update and ${LIMITS.summary} for the summary`, async (ctx) => {
    ctx.skip(
      !hasCommand('soffice') || !hasCommand('pdfinfo'),
      'LibreOffice and poppler-utils are not installed (CI installs them through .ci/run)',
    );
    const out = path.join(dir, 'papers');
    for (const quarter of ['2023/24-Q1', '2023/24-Q2'])
      expect(spawnCli(['report', '--quarter', quarter, '--format', 'docx', '--out', out]).code).toBe(0);
    expect(spawnCli(['summary', '--half', '2023/24-H1', '--format', 'docx', '--out', out]).code).toBe(0);
    const docx = (await fsp.readdir(out)).filter((f) => f.endsWith('.docx')).sort();
    expect(docx).toHaveLength(11);
    const pdfDir = path.join(dir, 'pdf');
    const profile = path.join(dir, 'profile');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        ...docx.map((f) => path.join(out, f)),
      ],
      { timeout: 240_000, stdio: 'ignore' },
    );
    const counts = Object.fromEntries(docx.map((f) => [f, pages(path.join(pdfDir, f.replace(/\.docx$/, '.pdf')))]));
    for (const [name, n] of Object.entries(counts)) {
      expect(n, `${name}: ${n} pages`).toBeLessThanOrEqual(name.startsWith('pob-') ? LIMITS.summary : LIMITS.quarterly);
      expect(n, name).toBeGreaterThan(1);
    }
  }, 300_000);
});
