import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { ENTER, runOnTerminal, ScriptedPrompts } from './helpers.js';

const freshFolder = async () => path.join(await mkdtemp(path.join(tmpdir(), 'coprod-init-')), 'council');
const read = (dir: string, name: string) => readFile(path.join(dir, name), 'utf8');

describe('coprod init', () => {
  it('--yes creates a council that validates clean and renders, and a second run refuses (built binary)', async () => {
    const dir = await freshFolder();
    const created = spawnCli(['init', dir, '--yes']);
    expect(created.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['.schema', 'activities', 'council.yaml', 'framework.yaml']);
    expect(await readdir(path.join(dir, 'activities'))).toEqual(['corporate-services.yaml']);
    expect((await readdir(path.join(dir, '.schema'))).filter((f) => f.endsWith('.schema.json')).sort()).toEqual([
      'activities.schema.json',
      'council.schema.json',
      'framework.schema.json',
    ]);
    expect(await read(dir, 'council.yaml')).toMatch(
      /^# yaml-language-server: \$schema=\.schema\/council\.schema\.json\n/,
    );
    expect(await read(dir, 'framework.yaml')).toMatch(
      /^# yaml-language-server: \$schema=\.schema\/framework\.schema\.json\n/,
    );
    expect(await read(dir, 'activities/corporate-services.yaml')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.schema\/activities\.schema\.json\n/,
    );
    // The framework is the built-in one, unchanged below the schema comment.
    expect((await read(dir, 'framework.yaml')).split('\n').slice(1).join('\n')).toBe(
      await readFile(new URL('../../framework/dpc-recommendations.yaml', import.meta.url), 'utf8'),
    );

    const validate = spawnCli(['validate', '--data', dir]);
    expect(validate.stdout).toContain('0 errors, 0 warnings');
    expect(validate.code).toBe(0);
    const out = path.join(dir, '..', 'reports');
    const report = spawnCli(['report', '--data', dir, '--quarter', '2024/25-Q1', '--out', out]);
    expect(report.code).toBe(0);
    expect(await readFile(path.join(out, 'pac-2024-25-q1.md'), 'utf8')).toContain('**Example Council**');

    const council = await read(dir, 'council.yaml');
    const again = spawnCli(['init', dir, '--yes', '--name', 'Another Council']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('council.yaml already exists');
    expect(await read(dir, 'council.yaml')).toBe(council);
  });

  it('takes the council, committees and departments from flags', async () => {
    const dir = await freshFolder();
    const result = await runCli([
      'init',
      dir,
      '--name',
      'Royal Borough of Example: Kensington & Chelsea',
      '--committee',
      'Health and Adult Social Care Policy and Accountability Committee',
      'Economy PAC',
      '--department',
      'Adult Social Care=1',
      'The Economy Department=economy-pac',
      'Public Health=health and adult social care policy and accountability committee',
    ]);
    expect(result.stderr).toContain('created');
    expect(result.code).toBe(0);
    const council = await read(dir, 'council.yaml');
    expect(council).toContain('  name: "Royal Borough of Example: Kensington & Chelsea"\n');
    expect(council).toContain(
      '  - id: health-and-adult-social-care-pac\n    name: Health and Adult Social Care Policy and Accountability Committee\n    departments: [adult-social-care, public-health]\n',
    );
    expect(council).toContain('  - id: economy-pac\n    name: Economy PAC\n    departments: [economy]\n');
    expect((await readdir(path.join(dir, 'activities'))).sort()).toEqual([
      'adult-social-care.yaml',
      'economy.yaml',
      'public-health.yaml',
    ]);
    expect((await runCli(['validate', '--data', dir])).code).toBe(0);
  });

  it('without a terminal or --yes, exits 2 naming the flags to give, and writes nothing', async () => {
    const dir = await freshFolder();
    const result = spawnCli(['init', dir, '--name', 'Example'], { env: { CI: 'true' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give --committee NAME, --department NAME (or --yes to take the defaults)');
    await expect(readdir(dir)).rejects.toThrow();
  });

  it('asks which committee covers a department when there are several', async () => {
    const dir = await freshFolder();
    const result = await runCli(['init', dir, '--yes', '--committee', 'A PAC', 'B PAC', '--department', 'Housing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('say which committee covers Housing: --department "Housing=COMMITTEE"');
  });

  it('never overwrites other files already in the folder', async () => {
    const dir = await freshFolder();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'framework.yaml'), '# mine\n');
    const result = await runCli(['init', dir, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('framework.yaml');
    expect(await readdir(dir)).toEqual(['framework.yaml']);
    expect(await read(dir, 'framework.yaml')).toBe('# mine\n');
  });

  it('asks for the name, committees and departments on a terminal', async () => {
    const dir = await freshFolder();
    const prompts = new ScriptedPrompts([
      { ask: /council's name/, answer: '  ' },
      { ask: /council's name/, answer: 'London Borough of Riverside' },
      { ask: /Name of a Policy and Accountability Committee/, answer: ENTER },
      {
        ask: /Another Policy and Accountability Committee/,
        answer: 'Children and Education Policy and Accountability Committee',
      },
      { ask: /Another Policy and Accountability Committee/, answer: ENTER },
      { ask: /Name of a department/, answer: "Children's Services" },
      { ask: /Another department/, answer: 'Finance and Corporate Services' },
      { ask: /Another department/, answer: ENTER },
      { ask: /Which committee covers Children's Services/, answer: 'Children and Education' },
      { ask: /Which committee covers Finance and Corporate Services/, answer: 0 },
      { ask: /Create the council "London Borough of Riverside"/, answer: true },
    ]);
    const result = await runOnTerminal(['init', dir], prompts);
    expect(prompts.remaining).toBe(0);
    expect(prompts.refused.map((r) => r.reason)).toEqual(['please type something (it must not be empty)']);
    expect(result.code).toBe(0);
    const council = await read(dir, 'council.yaml');
    expect(council).toContain(
      '  - id: pac\n    name: Policy and Accountability Committee\n    departments: [finance-and-corporate-services]\n',
    );
    expect(council).toContain(
      '  - id: children-and-education-pac\n    name: Children and Education Policy and Accountability Committee\n    departments: [childrens-services]\n',
    );
    expect((await runCli(['validate', '--data', dir])).code).toBe(0);
  });
});
