import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/source.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { CTRL_C, ENTER, insertedBytes, runOnTerminal, sampleCouncil, ScriptedPrompts } from './helpers.js';

type Activities = { activities: { id: string; updates?: Record<string, unknown>[] }[] };
const fileOf = (dir: string, department: string) => path.join(dir, 'activities', `${department}.yaml`);
const dataOf = async (file: string) => parseSource(file, await readFile(file)).source.data as Activities;
const activityIn = (data: Activities, id: string) => data.activities.find((a) => a.id === id)!;

describe('coprod add without a terminal never asks', () => {
  it('exits 2 at once when nothing is said, naming what to give (built binary, input from /dev/null)', () => {
    const started = Date.now();
    const result = spawnCli(['add'], { timeout: 20_000 });
    expect(result.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.stderr).toContain('coprod add activity --department ID --title TEXT');
    expect(result.stderr).toContain(
      'coprod add update --activity ID --quarter 2023/24-Q1 --summary TEXT --residents N',
    );
  });

  it('lists every missing value of an update at once', async () => {
    const result = await runCli(['add', 'update']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--activity ID, --quarter 2023/24-Q1, --summary TEXT, --residents N');
  });

  it('lists what a new activity still needs', async () => {
    const result = await runCli(['add', 'activity', '--title', 'Easy read letters']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--department ID, --recommendation N (or --measure N.M), --stage STAGE, --level LEVEL, --start YYYY-MM-DD',
    );
    expect(result.stderr).not.toContain('--title');
  });

  it('does not ask on a terminal when CI is set', async () => {
    const prompts = new ScriptedPrompts([]);
    const result = await runOnTerminal(['add', 'update', '--activity', 'fc-financial-audit'], prompts, {
      env: { NO_COLOR: '1', CI: 'true' },
    });
    expect(result.code).toBe(2);
    expect(prompts.asked).toEqual([]);
    expect(result.stderr).toContain('--quarter 2023/24-Q1, --summary TEXT, --residents N');
  });

  it('refuses a flag of the other kind of entry, and a value that is not a number', async () => {
    expect((await runCli(['add', 'update', '--title', 'x'])).stderr).toContain(
      '--title applies to `coprod add activity`',
    );
    const dir = await sampleCouncil();
    const bad = await runCli([
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'fc-financial-audit',
      '--quarter',
      '2023/24-Q3',
      '--summary',
      's',
      '--residents',
      '-2',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--residents: type a whole number, 0 or more (got "-2")');
  });
});

describe('coprod add update from flags', () => {
  it('appends to a CRLF file with a byte-order mark and comments, leaving every earlier byte as it was (built binary)', async () => {
    const dir = await sampleCouncil({ department: 'finance-corporate', fixture: 'crlf-bom-comments.yaml' });
    const file = fileOf(dir, 'finance-corporate');
    const before = await readFile(file);
    const result = spawnCli([
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'fc-audit',
      '--quarter',
      '2023/24-Q3',
      '--summary',
      'The panel drafted its findings: spend is spread across six budgets.',
      '--residents',
      '4',
      '--co-chairs',
      '1',
      '--participation-fees',
      '£400',
      '--follow-up',
      'done',
    ]);
    expect(result.stderr).toContain('added the 2023/24-Q3 update of activity fc-audit');
    expect(result.code).toBe(0);
    const after = await readFile(file);
    const { inserted } = insertedBytes(before, after);
    expect(inserted).toMatch(/^ {6}- quarter: 2023\/24-Q3\r\n/);
    expect(inserted).not.toMatch(/[^\r]\n/);
    expect(activityIn(await dataOf(file), 'fc-audit').updates!.at(-1)).toEqual({
      quarter: '2023/24-Q3',
      summary: 'The panel drafted its findings: spend is spread across six budgets.',
      residents: 4,
      coChairs: 1,
      participationFees: 400,
      followUp: { result: 'done' },
      // The activity is in the old shape (its status on the activity): the update records it from now on.
      status: 'in-progress',
    });
    const validate = spawnCli(['validate', '--data', dir]);
    expect(validate.stdout).toMatch(/\b0 errors\b/);
    expect(validate.code).toBe(0);
  });

  it('takes the update from a YAML document, and from JSON on standard input', async () => {
    const dir = await sampleCouncil();
    const doc = path.join(dir, 'update.yaml');
    await writeFile(
      doc,
      'quarter: 2023/24-Q3\nsummary: Peer welcome session co-designed.\nresidents: 6\nfollowUp:\n  result: done\noutcomes:\n  - youSaid: Support new users\n    weDid: Ran a welcome session\n',
    );
    const fromFile = await runCli([
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'asc-dpss-specification',
      '--from',
      doc,
    ]);
    expect(fromFile.stderr).toContain('added the 2023/24-Q3 update');
    expect(fromFile.code).toBe(0);
    const json = JSON.stringify({
      quarter: '2023/24-Q3',
      summary: 'Reviewed "what good looks like".',
      residents: 3,
      followUp: { result: 'carried-over', reason: 'Two departments were late.' },
      status: 'paused',
    });
    const fromStdin = spawnCli(['add', 'update', '--data', dir, '--activity', 'fc-financial-audit', '--from', '-'], {
      input: json,
    });
    expect(fromStdin.code).toBe(0);
    expect(activityIn(await dataOf(fileOf(dir, 'finance-corporate')), 'fc-financial-audit').updates!.at(-1)).toEqual(
      JSON.parse(json),
    );
    expect(
      activityIn(await dataOf(fileOf(dir, 'adult-social-care')), 'asc-dpss-specification').updates!.at(-1)!['outcomes'],
    ).toEqual([{ youSaid: 'Support new users', weDid: 'Ran a welcome session' }]);
  });

  it('refuses an update the validator would reject, naming the problem, and writes nothing', async () => {
    const dir = await sampleCouncil();
    const file = fileOf(dir, 'finance-corporate');
    const before = await readFile(file);
    const doc = path.join(dir, 'update.json');
    await writeFile(
      doc,
      JSON.stringify({ quarter: '2023/24-Q3', summary: 'x', residents: 2, followUp: { result: 'done' }, residnets: 2 }),
    );
    const result = await runCli(['add', 'update', '--data', dir, '--activity', 'fc-financial-audit', '--from', doc]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/finance-corporate\.yaml:\d+:\d+ +error +unknown-field/);
    expect(result.stderr).toContain('nothing was written');
    expect(await readFile(file)).toEqual(before);
  });

  it("refuses a quarter outside the activity's dates, or one already reported", async () => {
    const dir = await sampleCouncil();
    const args = [
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'asc-il-group-recruitment',
      '--summary',
      's',
      '--residents',
      '1',
      '--quarter',
    ];
    expect((await runCli([...args, '2023/24-Q3'])).stderr).toContain('is after the activity ended on 2023-07-31');
    expect((await runCli([...args, '2023/24-Q1'])).stderr).toContain('already has an update for 2023/24-Q1');
    expect((await runCli([...args, '2023/24-q1'])).stderr).toContain('already has an update for 2023/24-Q1');
  });

  it('takes a quarter typed in lower case, and writes it as the data files write quarters', async () => {
    const dir = await sampleCouncil();
    const result = await runCli([
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'fc-financial-audit',
      '--quarter',
      '2023/24-q3',
      '--summary',
      'Findings drafted.',
      '--residents',
      '4',
      '--follow-up',
      'in-progress',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(fileOf(dir, 'finance-corporate'), 'utf8')).toContain('- quarter: 2023/24-Q3\n');
  });

  it('is not stopped by errors elsewhere in the data that it did not cause', async () => {
    const dir = await sampleCouncil();
    const other = fileOf(dir, 'public-health');
    await writeFile(other, (await readFile(other, 'utf8')).replace(/start: \d{4}-\d{2}-\d{2}/, 'start: 2023-02-30'));
    expect((await runCli(['validate', '--data', dir])).code).toBe(1);
    const result = await runCli([
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'fc-financial-audit',
      '--quarter',
      '2023/24-Q3',
      '--summary',
      'Findings drafted.',
      '--residents',
      '4',
      '--follow-up',
      'in-progress',
    ]);
    expect(result.code).toBe(0);
  });
});

describe('coprod add activity from flags', () => {
  it('appends a new activity, making its id from the title', async () => {
    const dir = await sampleCouncil();
    const result = await runCli([
      'add',
      'activity',
      '--data',
      dir,
      '--department',
      'finance-corporate',
      '--title',
      'Easy read council tax letters',
      '--recommendation',
      '2',
      '5',
      '--measure',
      '5.1',
      '--stage',
      'design',
      '--level',
      'co-design',
      '--start',
      '2024-01-08',
    ]);
    expect(result.stderr).toContain('added the activity finance-easy-read-council-tax-letters');
    expect(result.code).toBe(0);
    expect(activityIn(await dataOf(fileOf(dir, 'finance-corporate')), 'finance-easy-read-council-tax-letters')).toEqual(
      {
        id: 'finance-easy-read-council-tax-letters',
        title: 'Easy read council tax letters',
        recommendations: [2, 5],
        measures: ['5.1'],
        stage: 'design',
        level: 'co-design',
        start: '2024-01-08',
      },
    );
  });

  it("creates the department's file, from the same template as init, when it has none yet, pointing at the schema as its neighbours do", async () => {
    const dir = await sampleCouncil();
    await rm(fileOf(dir, 'public-health'));
    const result = await runCli([
      'add',
      'activity',
      '--data',
      dir,
      '--department',
      'public-health',
      '--title',
      'Easy read health checks',
      '--recommendation',
      '5',
      '--stage',
      'design',
      '--level',
      'consultation',
      '--start',
      '2024-01-08',
    ]);
    expect(result.code).toBe(0);
    const text = await readFile(fileOf(dir, 'public-health'), 'utf8');
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/activities\.schema\.json\n# Public Health: co-production activity/,
    );
    expect(text).toContain('department: public-health\n\nactivities:\n  - id: public-easy-read-health-checks\n');
    expect((await runCli(['validate', '--data', dir])).stdout).toContain('0 errors');
  });

  it('refuses a measure the framework does not have (exit 1) and an id already used (exit 2)', async () => {
    const dir = await sampleCouncil();
    const base = [
      'add',
      'activity',
      '--data',
      dir,
      '--department',
      'economy',
      '--title',
      'T',
      '--stage',
      'design',
      '--level',
      'co-design',
      '--start',
      '2024-01-08',
    ];
    const measure = await runCli([...base, '--measure', '4.1']);
    expect(measure.code).toBe(1);
    expect(measure.stderr).toMatch(/economy\.yaml:\d+:\d+ +error +unknown-measure/);
    const taken = await runCli([...base, '--recommendation', '2', '--id', 'fc-financial-audit']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('the id fc-financial-audit is already used');
  });
});

describe('coprod add on a terminal', () => {
  it('asks for an update, checking each answer as it is typed', async () => {
    const dir = await sampleCouncil();
    const prompts = new ScriptedPrompts([
      { ask: /What would you like to add/, answer: 'update' },
      { ask: /Which department/, answer: '(adult-social-care)' },
      { ask: /Which activity/, answer: '(asc-dpss-specification' },
      { ask: /Which quarter/, answer: '2023/24-Q5' },
      { ask: /Which quarter/, answer: '2021/22-Q4' },
      { ask: /Which quarter/, answer: '2023/24-Q2' },
      { ask: /Which quarter/, answer: ENTER },
      { ask: /What happened/, answer: '   ' },
      { ask: /What happened/, answer: 'Co-designed a peer welcome session with the provider.' },
      { ask: /How many residents/, answer: '-3' },
      { ask: /How many residents/, answer: '7' },
      { ask: /co-chairs/, answer: '9' },
      { ask: /co-chairs/, answer: ENTER },
      { ask: /Access costs/, answer: '£1,250.50' },
      { ask: /Participation fees/, answer: 'abc' },
      { ask: /Participation fees/, answer: '200' },
      { ask: /Other spend/, answer: ENTER },
      { ask: /Last quarter's plan was: "Co-design a peer welcome session/, answer: 'done' },
      { ask: /Why\?/, answer: ENTER },
      { ask: /You said/, answer: 'New users need someone to ask' },
      { ask: /We did/, answer: 'Set up a peer buddy list' },
      { ask: /You said/, answer: ENTER },
      { ask: /A barrier/, answer: ENTER },
      { ask: /planned for next quarter/, answer: 'Run the first welcome session' },
      { ask: /RAG/, answer: 'green' },
      { ask: /Status of the activity at the end of 2023\/24-Q3/, answer: ENTER },
      { ask: /Stage of the policy or service cycle/, answer: 'delivery' },
      { ask: /Level of involvement/, answer: ENTER },
      { ask: /Add it\?/, answer: true },
    ]);
    const result = await runOnTerminal(['add', '--data', dir], prompts);
    expect(prompts.remaining).toBe(0);
    expect(result.code).toBe(0);
    expect(prompts.refused.map((r) => r.reason)).toEqual([
      'write the quarter like 2023/24-Q1 (the financial year, then Q1 to Q4)',
      '2021/22-Q4 (January to March 2022) is before the activity started on 2022-04-01',
      'the activity already has an update for 2023/24-Q2',
      'please type something (it must not be empty)',
      'type a whole number, 0 or more',
      'co-chairs are counted among the 7 residents, so at most 7',
      'type an amount in pounds, e.g. 250 or 99.50',
    ]);
    expect(result.stderr).toContain('This 2023/24-Q3 update of activity asc-dpss-specification will be added to');
    expect(
      activityIn(await dataOf(fileOf(dir, 'adult-social-care')), 'asc-dpss-specification').updates!.at(-1),
    ).toEqual({
      quarter: '2023/24-Q3',
      summary: 'Co-designed a peer welcome session with the provider.',
      residents: 7,
      coChairs: 0,
      accessCosts: 1250.5,
      participationFees: 200,
      spend: 0,
      outcomes: [{ youSaid: 'New users need someone to ask', weDid: 'Set up a peer buddy list' }],
      followUp: { result: 'done' },
      next: 'Run the first welcome session',
      rag: 'green',
      status: 'in-progress',
      stage: 'delivery',
    });
  });

  it('asks for a new activity, with recommendations and measures chosen by title', async () => {
    const dir = await sampleCouncil();
    const prompts = new ScriptedPrompts([
      { ask: /Which department/, answer: '(adult-social-care)' },
      { ask: /Title/, answer: "Carers' breaks: a review with carers" },
      { ask: /short id/, answer: ENTER },
      { ask: /Description/, answer: ENTER },
      { ask: /Which co-production group/, answer: 'Independent Living' },
      { ask: /Which of the recommendations/, answer: [] },
      { ask: /Which of the recommendations/, answer: [5, 'Resourcing co-production'] },
      { ask: /Which measures/, answer: ['5.1'] },
      { ask: /Stage/, answer: 'review' },
      { ask: /Level of involvement/, answer: 'co-production' },
      { ask: /What do residents decide/, answer: "Residents agree the review's findings." },
      { ask: /Start date/, answer: '2023-02-30' },
      { ask: /Start date/, answer: '2023-10-02' },
      { ask: /End date/, answer: '2023-09-01' },
      { ask: /End date/, answer: ENTER },
      { ask: /Wards/, answer: 'Riverside Central, Northbank' },
      { ask: /Add it\?/, answer: ENTER },
    ]);
    const result = await runOnTerminal(['add', 'activity', '--data', dir], prompts);
    expect(prompts.remaining).toBe(0);
    expect(result.code).toBe(0);
    expect(prompts.refused.map((r) => r.reason)).toEqual([
      'tick at least one recommendation',
      '2023-02-30 is not a real date (check the day and the month)',
      'the end date must not be before the start (2023-10-02)',
    ]);
    expect(
      activityIn(await dataOf(fileOf(dir, 'adult-social-care')), 'adult-carers-breaks-a-review-with-carers'),
    ).toEqual({
      id: 'adult-carers-breaks-a-review-with-carers',
      title: "Carers' breaks: a review with carers",
      group: 'independent-living-group',
      recommendations: [5, 6],
      measures: ['5.1'],
      stage: 'review',
      level: 'co-production',
      decisionRole: "Residents agree the review's findings.",
      start: '2023-10-02',
      wards: ['Riverside Central', 'Northbank'],
    });
    expect((await runCli(['validate', '--data', dir])).code).toBe(0);
  });

  it('with --yes asks only for what is required, and does not ask to confirm', async () => {
    const dir = await sampleCouncil();
    const prompts = new ScriptedPrompts([
      { ask: /Which quarter/, answer: ENTER },
      { ask: /What happened/, answer: 'Findings drafted with the panel.' },
      { ask: /How many residents/, answer: '4' },
      // Required while last quarter's plan is open: the update would otherwise not say how it went.
      { ask: /Last quarter's plan was/, answer: 'done' },
    ]);
    const result = await runOnTerminal(
      ['add', 'update', '--data', dir, '--activity', 'fc-financial-audit', '--yes'],
      prompts,
    );
    expect(prompts.remaining).toBe(0);
    expect(result.code).toBe(0);
    expect(activityIn(await dataOf(fileOf(dir, 'finance-corporate')), 'fc-financial-audit').updates!.at(-1)).toEqual({
      quarter: '2023/24-Q3',
      summary: 'Findings drafted with the panel.',
      residents: 4,
      followUp: { result: 'done' },
      status: 'in-progress',
    });
  });

  it('writes nothing when the summary is declined, or the questions are interrupted', async () => {
    const dir = await sampleCouncil();
    const file = fileOf(dir, 'finance-corporate');
    const before = await readFile(file);
    const declined = new ScriptedPrompts([
      { ask: /Which quarter/, answer: ENTER },
      { ask: /What happened/, answer: 'Findings drafted.' },
      { ask: /How many residents/, answer: '4' },
      { ask: /co-chairs/, answer: ENTER },
      { ask: /Access costs/, answer: ENTER },
      { ask: /Participation fees/, answer: ENTER },
      { ask: /Other spend/, answer: ENTER },
      { ask: /Last quarter's plan/, answer: 'carried-over' },
      { ask: /Why\?/, answer: ENTER },
      { ask: /You said/, answer: ENTER },
      { ask: /A barrier/, answer: ENTER },
      { ask: /planned for next quarter/, answer: ENTER },
      { ask: /RAG/, answer: '(none)' },
      { ask: /Status/, answer: ENTER },
      { ask: /Stage/, answer: ENTER },
      { ask: /Level/, answer: ENTER },
      { ask: /Add it\?/, answer: false },
    ]);
    const no = await runOnTerminal(['add', 'update', '--data', dir, '--activity', 'fc-financial-audit'], declined);
    expect(declined.remaining).toBe(0);
    expect(no.code).toBe(1);
    expect(no.stderr).toContain('nothing was written');
    const interrupted = new ScriptedPrompts([{ ask: /Which quarter/, answer: CTRL_C }]);
    const cancelled = await runOnTerminal(
      ['add', 'update', '--data', dir, '--activity', 'fc-financial-audit'],
      interrupted,
    );
    expect(cancelled.code).toBe(1);
    expect(cancelled.stderr).toContain('cancelled; nothing was written');
    expect(await readFile(file)).toEqual(before);
  });
});

describe('coprod add update records where the activity stands at the end of the quarter', () => {
  const crlf = { department: 'finance-corporate', fixture: 'crlf-bom-comments.yaml' };

  it('records the status given, and a stage or level only when it changes', async () => {
    const dir = await sampleCouncil(crlf);
    const doc = path.join(dir, 'update.yaml');
    await writeFile(
      doc,
      'outcomes:\n  - youSaid: Spend on access is hard to find\n    weDid: Added an access line to every budget\n',
    );
    const args = [
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'fc-audit',
      '--quarter',
      '2023/24-Q3',
      '--summary',
      'The audit reported.',
      '--residents',
      '4',
      '--follow-up',
      'done',
    ];
    const result = await runCli([
      ...args,
      '--from',
      doc,
      '--status',
      'completed',
      '--stage',
      'review',
      '--level',
      'co-production',
    ]);
    expect(result.stderr).toContain('added the 2023/24-Q3 update of activity fc-audit');
    expect(result.code).toBe(0);
    const update = activityIn(await dataOf(fileOf(dir, 'finance-corporate')), 'fc-audit').updates!.at(-1)!;
    expect(update['status']).toBe('completed');
    expect(update['level']).toBe('co-production');
    expect(update).not.toHaveProperty('stage');
    expect((await runCli(['validate', '--data', dir])).code).toBe(0);
  });

  it('takes an activity still planned to be under way once it has an update', async () => {
    const dir = await sampleCouncil(crlf);
    const result = await runCli([
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'fc-voting',
      '--quarter',
      '2023/24-Q3',
      '--summary',
      'Polling stations were visited.',
      '--residents',
      '3',
    ]);
    expect(result.code).toBe(0);
    expect(activityIn(await dataOf(fileOf(dir, 'finance-corporate')), 'fc-voting').updates!.at(-1)!['status']).toBe(
      'in-progress',
    );
  });

  it('needs to be told how an open plan went, even one made two quarters before', async () => {
    const dir = await sampleCouncil(crlf);
    const args = [
      'add',
      'update',
      '--data',
      dir,
      '--activity',
      'fc-audit',
      '--quarter',
      '2023/24-Q4',
      '--summary',
      'Findings drafted.',
      '--residents',
      '4',
    ];
    const unsaid = await runCli(args);
    expect(unsaid.code).toBe(2);
    expect(unsaid.stderr).toContain('--follow-up RESULT (how the plan made in 2023/24-Q2 went)');
    const prompts = new ScriptedPrompts([
      { ask: /^The plan made in 2023\/24-Q2 was: "Chase the remaining departments #2"/, answer: 'carried-over' },
    ]);
    const asked = await runOnTerminal([...args, '--yes'], prompts);
    expect(prompts.remaining).toBe(0);
    expect(asked.code).toBe(0);
    expect(activityIn(await dataOf(fileOf(dir, 'finance-corporate')), 'fc-audit').updates!.at(-1)!['followUp']).toEqual(
      { result: 'carried-over' },
    );
  });

  it("shows each activity's current status when choosing it", async () => {
    const dir = await sampleCouncil(crlf);
    const prompts = new ScriptedPrompts([{ ask: /Which activity/, answer: CTRL_C }]);
    let choices: string[] = [];
    const select = prompts.select.bind(prompts);
    prompts.select = async (q) => {
      choices = q.choices.map((c) => c.name);
      return select(q);
    };
    await runOnTerminal(['add', 'update', '--data', dir, '--department', 'finance-corporate'], prompts);
    expect(choices).toContain('Accessible voting (fc-voting, planned)');
  });
});

describe('coprod add activity records no status', () => {
  it('refuses --status: a new activity is planned until its first update', async () => {
    const result = await runCli(['add', 'activity', '--status', 'planned']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--status applies to `coprod add update`, not `coprod add activity`');
  });
});
