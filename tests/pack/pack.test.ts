import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCouncil } from '../../bench/generate.mjs';
import { copyToTemp, ROOT, runCli, spawnCli } from '../helpers/cli.js';

const HALF = ['pack', '--half', '2023/24-H1'];

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(path.join(dir, name)));
  return out;
}

describe('coprod pack on the sample council', () => {
  let out: string;
  let first: Map<string, Buffer>;

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'coprod-pack-'));
    const result = spawnCli([...HALF, '--out', out], { timeout: 120_000 });
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.code).toBe(0);
    first = await filesOf(out);
  }, 180_000);

  it('writes the summary, every quarterly update in both formats, the index and the combined pack', () => {
    const names = [...first.keys()];
    expect(names).toContain('pob-2023-24-h1.md');
    expect(names).toContain('pob-2023-24-h1.docx');
    const quarterly = names.filter((n) => /-pac-2023-24-q[12]\.md$/.test(n));
    expect(quarterly.length).toBeGreaterThanOrEqual(6);
    for (const md of quarterly) expect(names).toContain(md.replace(/\.md$/, '.docx'));
    expect(names).toContain('index.md');
    expect(names).toContain('board-pack-2023-24-h1.docx');
  });

  it('gives the meeting on the cover of the combined pack: date, time, venue and agenda item', async () => {
    const { xmlParts, wordParagraphs } = await import('../docx/read.js');
    const document = xmlParts(new Uint8Array(first.get('board-pack-2023-24-h1.docx')!)).get('word/document.xml')!;
    const text = wordParagraphs(document).map((p) => p.text);
    expect(text).toContain('Date: 21 November 2023');
    expect(text).toContain('Time: 7pm');
    expect(text).toContain('Venue: Council Chamber, Riverside Town Hall');
    expect(text).toContain('Agenda item: Item 5');
  });

  it('lists every paper in the index with its committee, quarter and files', () => {
    const index = first.get('index.md')!.toString('utf8');
    expect(index).toContain('| Paper | Received by | Period | Files |');
    for (const name of first.keys()) {
      if (/\.(md|docx)$/.test(name) && name !== 'index.md') expect(index, name).toContain(`](${name})`);
    }
    expect(index).toContain('April to June 2023 (2023/24-Q1)');
  });

  it('gives identical files on a second run, and --check then passes', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'coprod-pack2-'));
    expect(spawnCli([...HALF, '--out', again, '--quiet'], { timeout: 120_000 }).code).toBe(0);
    const second = await filesOf(again);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(second.get(name)!.equals(bytes), name).toBe(true);
    const check = spawnCli([...HALF, '--out', out, '--check'], { timeout: 120_000 });
    expect(check.code).toBe(0);
  }, 240_000);

  it('refuses a pack whose papers fail the accessibility check, naming the first paper, exit 2', async () => {
    const data = await copyToTemp(path.join(ROOT, 'data'), 'coprod-pack-pale-');
    const council = path.join(data, 'council.yaml');
    await writeFile(
      council,
      (await readFile(council, 'utf8')).replace('    headingColour: 1F3864\n', '    headingColour: FFD700\n'),
    );
    const out = path.join(data, 'out');
    const result = spawnCli([...HALF, '--data', data, '--out', out], { timeout: 120_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^coprod: pob-2023-24-h1\.docx was not written: the text colour FFD700 has a contrast of 1\.4:1/m,
    );
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await expect(readdir(out)).rejects.toThrow();
  }, 120_000);

  it('catches a hand edit with --check, and does not overwrite it without --force', async () => {
    const dir = await copyToTemp(out, 'coprod-pack-edit-');
    const edited = path.join(dir, 'economy-pac-2023-24-q1.md');
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nA clerk's note.\n`);
    const check = await runCli([...HALF, '--out', dir, '--check', '--format', 'md']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('economy-pac-2023-24-q1.md: changed by hand');

    const again = await runCli([...HALF, '--out', dir, '--format', 'md']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('economy-pac-2023-24-q1.md');
    expect(await readFile(edited, 'utf8')).toContain("A clerk's note.");

    const forced = await runCli([...HALF, '--out', dir, '--format', 'md', '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(edited, 'utf8')).not.toContain("A clerk's note.");
  }, 120_000);

  it('names a missing file with --check', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coprod-pack-empty-'));
    const check = await runCli([...HALF, '--out', dir, '--check', '--format', 'md']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('index.md: missing');
  });

  it('prints a machine-readable list with --json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coprod-pack-json-'));
    const result = await runCli([...HALF, '--out', dir, '--format', 'md', '--json', '--quiet']);
    expect(result.code).toBe(0);
    const listed = JSON.parse(result.stdout) as {
      half: string;
      files: { file: string; kind: string; status: string; sha256: string }[];
    };
    expect(listed.half).toBe('2023/24-H1');
    expect(listed.files.find((f) => f.file === 'pob-2023-24-h1.md')).toMatchObject({
      kind: 'pob-summary',
      status: 'written',
    });
    expect(listed.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('opens in LibreOffice with its contents page', async () => {
    const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
    if (!soffice) {
      console.warn('soffice is not installed: skipping the LibreOffice check (CI installs it)');
      return;
    }
    const pdfDir = await mkdtemp(path.join(tmpdir(), 'coprod-pack-pdf-'));
    const profile = await mkdtemp(path.join(tmpdir(), 'coprod-lo-'));
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        path.join(out, 'board-pack-2023-24-h1.docx'),
      ],
      { timeout: 240_000, stdio: 'ignore' },
    );
    const raw = execFileSync('pdftotext', ['-f', '2', '-l', '2', path.join(pdfDir, 'board-pack-2023-24-h1.pdf'), '-'], {
      encoding: 'utf8',
    });
    // Page 2 is the contents page; entries wrap and end in dot leaders.
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Contents');
    expect(text).toContain('Policy and Oversight Board: co-production biannual summary, April to September 2023');
    expect(text).toContain(
      'Economy, Arts, Sports and Public Realm PAC: co-production quarterly update, April to June 2023',
    );
  }, 300_000);
});

describe('coprod pack on a large council', () => {
  it('writes the same bytes from the binary as in-process', async () => {
    // 500 activities make about 1.3 MB of Markdown.
    const data = await mkdtemp(path.join(tmpdir(), 'coprod-pack-gen-'));
    generateCouncil({ activities: 500, seed: 7, out: data });
    const [threads, here] = [
      await mkdtemp(path.join(tmpdir(), 'coprod-pack-threads-')),
      await mkdtemp(path.join(tmpdir(), 'coprod-pack-here-')),
    ];
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    expect(spawnCli([...HALF, '--data', data, '--out', threads, '--quiet'], { env, timeout: 240_000 }).code).toBe(0);
    expect(
      (await runCli([...HALF, '--data', data, '--out', here, '--quiet'], { env: { NO_COLOR: '1', ...env } })).code,
    ).toBe(0);
    const [a, b] = [await filesOf(threads), await filesOf(here)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    const markdown = [...a]
      .filter(([name]) => name.endsWith('.md') && name !== 'index.md')
      .reduce((sum, [, bytes]) => sum + bytes.length, 0);
    expect(markdown).toBeGreaterThan(1 << 20);
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
  }, 300_000);
});

describe('coprod pack refusals', () => {
  it('refuses two committees whose file names would collide, writing nothing', async () => {
    const data = await copyToTemp(path.join(ROOT, 'data'), 'coprod-collide-');
    const council = path.join(data, 'council.yaml');
    await writeFile(council, (await readFile(council, 'utf8')).replace('- id: climate-pac', '- id: economy--pac'));
    const out = path.join(data, 'out');
    const result = await runCli([...HALF, '--data', data, '--out', out, '--format', 'md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would both be written to economy-pac-2023-24-q1');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('refuses a malformed half with exit 2', async () => {
    const result = await runCli(['pack', '--half', '2023-H1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--half must be a financial-year half');
  });

  it('packs the latest half with data when asked for "latest"', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coprod-pack-latest-'));
    const result = await runCli(['pack', '--half', 'latest', '--out', dir, '--format', 'md', '--json', '--quiet']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).half).toBe('2023/24-H1');
  });
});
