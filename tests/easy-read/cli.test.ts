import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlParts } from '../docx/read.js';
import { FIXTURES, ROOT, spawnCli } from '../helpers/cli.js';

/**
 * `--easy-read` on summary, report and pack, through the binary: the
 * companions beside the formal papers in each format, their pictures beside
 * the Markdown, the same bytes on a second run, the pack's index and
 * listing, and a council's mistaken picture refused with its position.
 */

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coprod-easy-read-cli-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const list = async (folder: string) => (await readdir(folder)).sort();

describe('coprod summary and report --easy-read', () => {
  it('write the companion beside the formal paper in Markdown, Word and HTML, with each picture the Markdown links', async () => {
    const out = path.join(dir, 'summary');
    const result = spawnCli([
      'summary',
      '--half',
      '2023/24-H1',
      '--easy-read',
      '--format',
      'all',
      '--no-charts',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const files = await list(out);
    for (const ext of ['md', 'docx', 'html']) {
      expect(files).toContain(`pob-2023-24-h1.${ext}`);
      expect(files).toContain(`pob-2023-24-h1-easy-read.${ext}`);
    }
    const markdown = await readFile(path.join(out, 'pob-2023-24-h1-easy-read.md'), 'utf8');
    const links = [...markdown.matchAll(/!\[([^\]]+)\]\(([^)]+)\)/g)];
    expect(links.length).toBeGreaterThan(20);
    for (const [, alt, file] of links) {
      expect(alt.trim()).not.toBe('');
      expect(files).toContain(file);
      expect(file).toMatch(/^pob-2023-24-h1-easy-read-[a-z]+\.png$/);
    }
    // Each row is a paragraph that starts with its picture.
    const paragraphs = markdown.split(/\n{2,}/).filter((p) => !p.startsWith('#') && p.trim() !== '' && p !== '---');
    for (const p of paragraphs) expect(p).toMatch(/^!\[/);
    expect(markdown).toContain('## Hard words');
  });

  it('write nothing Easy Read without the option', async () => {
    const out = path.join(dir, 'plain');
    expect(spawnCli(['summary', '--half', '2023/24-H1', '--format', 'md', '--out', out]).code).toBe(0);
    expect((await list(out)).filter((f) => f.includes('easy-read'))).toEqual([]);
  });

  it('give the same bytes on a second run, in every format', async () => {
    const runs = ['a', 'b'].map((name) => path.join(dir, `same-${name}`));
    for (const out of runs) {
      const result = spawnCli(['report', '--quarter', '2023/24-Q2', '--easy-read', '--format', 'all', '--out', out], {
        timeout: 120_000,
      });
      expect(result.code, result.stderr).toBe(0);
    }
    const [first, second] = await Promise.all(runs.map(list));
    expect(second).toEqual(first);
    const companions = first.filter((f) => f.includes('-easy-read'));
    expect(companions.length).toBeGreaterThan(30);
    for (const f of companions)
      expect(Buffer.compare(await readFile(path.join(runs[0], f)), await readFile(path.join(runs[1], f))), f).toBe(0);
  }, 180_000);
});

describe('coprod pack --easy-read', () => {
  it('adds each companion after its paper, lists them in the index and --json, and leaves them out of the combined pack', async () => {
    const out = path.join(dir, 'pack');
    const result = spawnCli(
      ['pack', '--half', '2023/24-H1', '--easy-read', '--format', 'all', '--json', '--quiet', '--out', out],
      {
        timeout: 180_000,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const listing = JSON.parse(result.stdout) as { files: { file: string; kind: string; body?: string }[] };
    const kinds = (kind: string) => listing.files.filter((f) => f.kind === kind).map((f) => f.file);
    expect(kinds('easy-read-summary')).toEqual([
      'pob-2023-24-h1-easy-read.md',
      'pob-2023-24-h1-easy-read.docx',
      'pob-2023-24-h1-easy-read.html',
    ]);
    expect(kinds('easy-read-quarterly')).toHaveLength(30);
    expect(kinds('picture').every((f) => /-easy-read-[a-z]+\.png$/.test(f))).toBe(true);
    const index = await readFile(path.join(out, 'index.md'), 'utf8');
    expect(index).toContain('[economy-pac-2023-24-q1-easy-read.docx](economy-pac-2023-24-q1-easy-read.docx)');
    expect(index).toContain('Easy Read');
    const combined = xmlParts(await readFile(path.join(out, 'board-pack-2023-24-h1.docx'))).get('word/document.xml')!;
    expect(combined).not.toContain('Hard words');
    expect(combined).not.toContain('What we did with Disabled residents');
    expect(combined).not.toMatch(/Easy Read (update|summary)/);
  }, 200_000);

  it('renders every Easy Read paper of the second council, in its own words', async () => {
    for (const half of ['2024/25-H1', '2024/25-H2']) {
      const out = path.join(dir, `second-${half.replace('/', '-')}`);
      const result = spawnCli(
        [
          'pack',
          '--half',
          half,
          '--easy-read',
          '--format',
          'md',
          '--quiet',
          '--data',
          path.join(FIXTURES, 'second-council'),
          '--out',
          out,
        ],
        { timeout: 120_000 },
      );
      expect(result.code, result.stderr).toBe(0);
      const papers = (await list(out)).filter((f) => f.endsWith('-easy-read.md'));
      expect(papers).toHaveLength(7);
      for (const f of papers) {
        const text = await readFile(path.join(out, f), 'utf8');
        expect(text, f).toContain('Panel');
        expect(text, f).not.toMatch(/\bCommittees?\b|\bPAC\b|Policy and Accountability/);
      }
    }
  }, 200_000);
});

describe("a council's mistaken picture in council.yaml", () => {
  it('stops the command (exit 1) naming the file, line and column, with the nearest icon name', async () => {
    const data = path.join(dir, 'bad-data');
    await cp(path.join(ROOT, 'data'), data, { recursive: true });
    const council = await readFile(path.join(data, 'council.yaml'), 'utf8');
    await writeFile(path.join(data, 'council.yaml'), `${council}\neasyRead:\n  pictures:\n    meeting: user-group\n`);
    const line = council.split('\n').length + 3;
    const result = spawnCli([
      'summary',
      '--half',
      '2023/24-H1',
      '--easy-read',
      '--data',
      data,
      '--out',
      path.join(dir, 'bad-out'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`council.yaml:${line}:14`);
    expect(result.stderr).toContain('unknown-picture');
    expect(result.stderr).toContain('did you mean `users-group`?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
