import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnWithin } from '../helpers/cli.js';
import { canGenerate, hostileCases, prepareCase, type Case, type ExpectedDiagnostic } from './corpus.js';

/**
 * Every hostile case runs through `coprod validate` in-process: it must end
 * within its time, with exactly the expected exit code and diagnostics (code,
 * severity, file, line and column), no stack trace, and every prototype as
 * it was. A few run through the built binary as well, with a wall-clock
 * timeout, because a real process is what a hang or a crash would stop.
 */

interface Located {
  code: string;
  severity: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** What a stack trace or a crash looks like in coprod's output. */
const STACK = /^\s*at .+:\d+:\d+\)?$/m;
const INTERNAL = /internal error/i;

/** The own properties of the prototypes a `__proto__` or `constructor` key could reach. */
function prototypeSnapshot(): Record<string, string[]> {
  const names = (o: object) => Reflect.ownKeys(o).map(String).sort();
  return {
    object: names(Object.prototype),
    array: names(Array.prototype),
    function: names(Function.prototype),
    string: names(String.prototype),
  };
}
const PROTOTYPES = prototypeSnapshot();

function checkPrototypes(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(prototypeSnapshot()).toEqual(PROTOTYPES);
}

/** Compares diagnostics with expected.json: one by one, or by count with the first one's position. */
function checkDiagnostics(actual: Located[], expected: ExpectedDiagnostic[]): void {
  const key = (d: { code: string; severity: string; file: string }) => `${d.file} ${d.severity} ${d.code}`;
  const counted = new Map(expected.filter((e) => e.count !== undefined).map((e) => [key(e), e]));
  const single = (list: (Located | ExpectedDiagnostic)[]) =>
    list
      .filter((d) => !counted.has(key(d)))
      .map((d) => ({
        code: d.code,
        severity: d.severity,
        file: d.file,
        ...(d.line !== undefined ? { line: d.line, column: d.column } : {}),
      }));
  expect(single(actual)).toEqual(single(expected));
  for (const [k, e] of counted) {
    const these = actual.filter((d) => key(d) === k);
    expect(these, k).toHaveLength(e.count!);
    const first = these.reduce((a, b) =>
      (a.line ?? 0) * 1e9 + (a.column ?? 0) <= (b.line ?? 0) * 1e9 + (b.column ?? 0) ? a : b,
    );
    expect({ line: first.line, column: first.column }, k).toEqual({ line: e.line, column: e.column });
  }
}

const cases = hostileCases();
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function prepared(c: Case): Promise<string> {
  const dir = await prepareCase(c);
  folders.push(dir);
  return dir;
}

describe('the hostile corpus through coprod validate (in-process)', () => {
  it('holds every kind of case the issue asks for', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it.skipIf(!canGenerate(c.expected.generate))(
      `${c.name}: ${c.expected.about}`,
      async () => {
        const dir = await prepared(c);
        const limit = (c.expected.seconds ?? 10) * 1000;
        const started = performance.now();
        const json = await runCli(['validate', '--data', '.', '--format', 'json'], { cwd: dir });
        const pretty = await runCli(['validate', '--data', '.'], { cwd: dir });
        const elapsed = performance.now() - started;

        for (const output of [json.stdout, json.stderr, pretty.stdout, pretty.stderr]) {
          expect(output).not.toMatch(STACK);
          expect(output).not.toMatch(INTERNAL);
        }
        expect(json.stderr).toBe('');
        // Colour is off (NO_COLOR), so no escape or other control character may reach the terminal from the data.
        // eslint-disable-next-line no-control-regex
        expect(pretty.stdout + pretty.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        const diagnostics = (JSON.parse(json.stdout) as { diagnostics: Located[] }).diagnostics;
        checkDiagnostics(diagnostics, c.expected.diagnostics);
        expect(json.code).toBe(c.expected.exit);
        expect(pretty.code).toBe(c.expected.exit);
        // Every error names a file of the council (the hostile one), and the pretty output names it too.
        for (const d of diagnostics)
          expect(pretty.stdout).toContain(d.line !== undefined ? `${d.file}:${d.line}:${d.column}` : d.file);
        // A flood is listed up to 100 times, then counted in one more diagnostic.
        for (const e of c.expected.diagnostics.filter((d) => d.count === 101)) {
          expect(
            diagnostics.filter((d) => d.code === e.code).some((d) => /^This and [\d,]+ more problems/.test(d.message)),
          ).toBe(true);
        }
        expect(elapsed).toBeLessThan(limit);
        checkPrototypes();
      },
      60_000,
    );
  }
});

describe('representative hostile cases through the built binary', () => {
  for (const c of cases.filter((x) => x.expected.spawn)) {
    it(`${c.name}: exit ${c.expected.exit} within seconds, naming the file, with no stack trace`, async () => {
      const dir = await prepared(c);
      const result = await spawnWithin(['validate', '--data', '.'], dir, 15_000);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(c.expected.exit);
      expect(result.elapsed).toBeLessThan(15_000);
      const first = c.expected.diagnostics[0];
      expect(result.stdout).toContain(
        first.line !== undefined
          ? `${first.file}:${first.line}:${first.column}  ${first.severity}  ${first.code}`
          : `${first.file}  ${first.severity}  ${first.code}`,
      );
      expect(result.stdout + result.stderr).not.toMatch(STACK);
      expect(result.stdout + result.stderr).not.toMatch(INTERNAL);
    }, 30_000);
  }

  it('report on the same cases refuses with exit 1, writes nothing, and says why', async () => {
    for (const c of cases.filter((x) => x.expected.spawn)) {
      const dir = await prepared(c);
      const result = await spawnWithin(
        ['report', '--quarter', '2023/24-Q1', '--data', '.', '--out', 'out'],
        dir,
        15_000,
      );
      expect(result.code, c.name).toBe(1);
      expect(result.stderr, c.name).toContain(c.expected.diagnostics[0].file);
      expect(result.stderr, c.name).toContain('nothing was written');
      expect(result.stderr + result.stdout, c.name).not.toMatch(STACK);
      await expect(
        import('node:fs/promises').then((f) => f.readdir(path.join(dir, 'out'))),
        c.name,
      ).rejects.toMatchObject({ code: 'ENOENT' });
    }
  }, 60_000);
});

describe('an accepted megabyte-long value', () => {
  it('is rendered into the report whole, within seconds', async () => {
    const c = cases.find((x) => x.name === 'one-megabyte-value')!;
    const dir = await prepared(c);
    const started = performance.now();
    const result = await runCli(
      ['report', '--quarter', '2023/24-Q1', '--data', '.', '--out', 'out', '--format', 'all'],
      { cwd: dir },
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.code, result.stderr).toBe(0);
    const { readFile } = await import('node:fs/promises');
    const markdown = await readFile(path.join(dir, 'out', 'main-pac-2023-24-q1.md'), 'utf8');
    expect(markdown).toContain('word '.repeat(210_000).trim());
  }, 30_000);
});

describe('what the loader makes of YAML 1.1 habits (the values behind yaml-1-1-values)', () => {
  it('reads YAML 1.2 core whatever the file declares: yes and on stay text, 0o14 and 012 are twelve, dates stay text', async () => {
    const { parseSource } = await import('../../src/load/source.js');
    for (const header of ['', '%YAML 1.1\n---\n']) {
      const { source, diagnostics } = parseSource(
        'x.yaml',
        new TextEncoder().encode(`${header}a: yes\nb: on\nc: 0o14\nd: 012\ne: 2023-02-30\nf: ~\ny: 1.5e3\n`),
      );
      expect(diagnostics).toEqual([]);
      expect(source.data).toEqual({ a: 'yes', b: 'on', c: 12, d: 12, e: '2023-02-30', f: null, y: 1500 });
    }
  });
});

describe('the limits behind the floods', () => {
  it('lists the first 100 of a kind, then one more at the next, counting the rest', async () => {
    const { listFirst, MAX_LISTED } = await import('../../src/diagnostics/diagnostic.js');
    const make = (i: number) => ({
      code: 'yaml-alias' as const,
      severity: 'error' as const,
      file: 'x.yaml',
      message: `alias ${i}`,
      range: [i, i + 1] as const,
    });
    const all = Array.from({ length: 250 }, (_, i) => make(i));
    expect(listFirst(all.slice(0, 101))).toHaveLength(101);
    const listed = listFirst(all);
    expect(listed).toHaveLength(MAX_LISTED + 1);
    expect(listed.slice(0, 100)).toEqual(all.slice(0, 100));
    expect(listed[100]).toMatchObject({
      code: 'yaml-alias',
      range: [100, 101],
      message: 'This and 149 more problems like the 100 above are not listed one by one',
    });
    // Only the start built, the whole counted.
    expect(listFirst(all.slice(0, 101), 1_000_000)[100].message).toBe(
      'This and 999,899 more problems like the 100 above are not listed one by one',
    );
  });

  it('turns zod running out of stack into one file-too-large diagnostic', async () => {
    const { z } = await import('zod');
    const { checkSchema } = await import('../../src/validate/schema-issues.js');
    const { parseSource } = await import('../../src/load/source.js');
    const { source } = parseSource('x.yaml', new TextEncoder().encode('a: 1\n'));
    const overflowing = z.object({
      a: z.number().refine(() => {
        throw new RangeError('Maximum call stack size exceeded');
      }),
    });
    expect(checkSchema(source, overflowing).diagnostics).toEqual([
      expect.objectContaining({ code: 'file-too-large', file: 'x.yaml' }),
    ]);
  });
});
