import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../helpers/cli.js';

const KINDS = ['council', 'framework', 'activities'] as const;

describe('coprod schema', () => {
  it('prints the activities schema as JSON Schema draft-07 (built binary)', () => {
    const result = spawnCli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toContain('activity file');
    expect(schema.required).toEqual(['department']);
    expect(schema.additionalProperties).toBe(false);
  });

  it.each(KINDS)(
    'the committed schema/%s.schema.json is exactly what `coprod schema --kind` generates',
    async (kind) => {
      const result = await runCli(['schema', '--kind', kind]);
      expect(result.code).toBe(0);
      expect(await readFile(path.join(ROOT, 'schema', `${kind}.schema.json`), 'utf8')).toBe(result.stdout);
      expect(JSON.parse(result.stdout).$schema).toBe('http://json-schema.org/draft-07/schema#');
    },
  );

  it('writes all three files with --out, or one with --kind', async () => {
    const all = await mkdtemp(path.join(tmpdir(), 'coprod-schema-'));
    expect((await runCli(['schema', '--out', all])).code).toBe(0);
    expect((await readdir(all)).sort()).toEqual([
      'activities.schema.json',
      'council.schema.json',
      'framework.schema.json',
    ]);
    for (const kind of KINDS) {
      expect(await readFile(path.join(all, `${kind}.schema.json`), 'utf8')).toBe(
        await readFile(path.join(ROOT, 'schema', `${kind}.schema.json`), 'utf8'),
      );
    }
    const one = await mkdtemp(path.join(tmpdir(), 'coprod-schema-'));
    expect((await runCli(['schema', '--out', one, '--kind', 'council'])).code).toBe(0);
    expect(await readdir(one)).toEqual(['council.schema.json']);
  });

  it('exits 2 when the output folder cannot be created', async () => {
    const result = await runCli(['schema', '--out', path.join(ROOT, 'package.json', 'schemas')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coprod: could not create the folder/);
  });

  it('carries the descriptions given with .meta() to editors', async () => {
    const activities = await readFile(path.join(ROOT, 'schema', 'activities.schema.json'), 'utf8');
    expect(activities).toContain('Number of residents involved (a count; never names).');
    expect(activities).toContain('A calendar date written YYYY-MM-DD, e.g. 2023-06-20.');
    const council = await readFile(path.join(ROOT, 'schema', 'council.schema.json'), 'utf8');
    expect(council).toContain('Month the financial year starts (4 = April).');
  });

  it("is where the sample data files' yaml-language-server comments point", async () => {
    const files = [
      'council.yaml',
      'framework.yaml',
      ...(await readdir(path.join(ROOT, 'data', 'activities'))).map((f) => `activities/${f}`),
    ];
    for (const file of files) {
      const first = (await readFile(path.join(ROOT, 'data', file), 'utf8')).split('\n')[0];
      const target = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(target, file).toBeDefined();
      const resolved = path.resolve(path.dirname(path.join(ROOT, 'data', file)), target!);
      const kind = file.startsWith('activities/') ? 'activities' : file.replace('.yaml', '');
      expect(resolved).toBe(path.join(ROOT, 'schema', `${kind}.schema.json`));
    }
  });
});
