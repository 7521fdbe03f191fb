import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { HAS_TMUX, quote, Terminal } from '../helpers/terminal.js';

/** The machine's own folders of programs: the shell's PATH after the temporary npm prefix. */
const SYSTEM_PATH = `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`;
/**
 * The first hour, scripted: a newcomer's clean clone, the README's commands
 * typed in order into a real terminal (tmux), then the mistakes people make,
 * each checked for its message and exit code.
 *
 * `npm install --global .` goes to a temporary prefix (NPM_CONFIG_PREFIX) put
 * first on PATH, so the README's commands run as written without touching
 * this machine's npm. npm reads packages from its cache (prefer-offline).
 * The README's second command, `npm ci && npm test`, is the suite this test
 * is part of, so it is checked to be there, not run.
 */

/** The shell commands, comments removed, of the README's first fenced block after the text `after`. */
function readmeBlock(readme: string, after: string): string[] {
  const start = readme.indexOf(after);
  expect(start, `the README has "${after}"`).toBeGreaterThanOrEqual(0);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start))![1];
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

/**
 * A clean clone of this worktree as it stands: `git clone`, then the changes
 * not yet committed laid over it, so the test checks the code being tested.
 */
async function cleanClone(into: string): Promise<void> {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, into]);
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of git('ls-files', '-z', '--modified', '--others', '--exclude-standard')) {
    await mkdir(path.dirname(path.join(into, file)), { recursive: true });
    await cp(path.join(ROOT, file), path.join(into, file));
  }
  for (const file of git('ls-files', '-z', '--deleted')) await rm(path.join(into, file), { force: true });
}

interface Step {
  code: number;
  output: string;
  seconds: number;
}

/** A shell in a real terminal, with a newcomer's environment. */
class Shell {
  private readonly term = new Terminal();
  private count = 0;

  constructor(env: Record<string, string>) {
    const vars = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
    this.term.start(`env -i ${vars.join(' ')} bash --norc --noprofile`);
  }

  /** Types `command` and Enter; waits for it to finish; returns its exit code and what it printed. */
  async run(command: string, timeout = 60_000): Promise<Step> {
    const n = ++this.count;
    // printf's format and arguments are what is typed; only what it prints matches the markers.
    this.term.type(`printf '<begin %d>\\n' ${n}; ${command}; printf '<end %d %d>\\n' ${n} $?`);
    const started = Date.now();
    this.term.keys('Enter');
    const end = new RegExp(`^<end ${n} (\\d+)>$`, 'm');
    await this.term.waitFor(end, timeout, 'history');
    const seconds = (Date.now() - started) / 1000;
    const shown = this.term.history();
    const output = shown.slice(shown.indexOf(`<begin ${n}>\n`) + `<begin ${n}>\n`.length, shown.search(end));
    return { code: Number(end.exec(shown)![1]), output, seconds };
  }

  stop(): void {
    this.term.stop();
  }
}

const STACK = /\n\s+at .+:\d+:\d+/;
const gitStatus = (dir: string) =>
  execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' });

describe.skipIf(!HAS_TMUX)('the first hour, in a real terminal, from a clean clone', () => {
  let home: string;
  let clone: string;
  let elsewhere: string;
  let shell: Shell;
  let readme: string;
  let before: string;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'coprod-first-hour-'));
    clone = path.join(home, 'coprod');
    elsewhere = path.join(home, 'elsewhere');
    await mkdir(elsewhere);
    await cleanClone(clone);
    before = gitStatus(clone);
    readme = await readFile(path.join(clone, 'README.md'), 'utf8');
    const prefix = path.join(home, 'npm-global');
    const cache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
    // The machine's own npm settings (its registry certificate among them) live in the global npmrc of
    // npm's own prefix; a temporary prefix would otherwise hide them, which a newcomer's shell does not.
    const globalConfig = spawnSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8' }).stdout.trim();
    const certificates = Object.fromEntries(
      ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'].flatMap((name) =>
        process.env[name] ? [[name, process.env[name]]] : [],
      ),
    ) as Record<string, string>;
    shell = new Shell({
      HOME: home,
      PATH: `${path.join(prefix, 'bin')}:${SYSTEM_PATH}`,
      PS1: '$ ',
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      NPM_CONFIG_PREFIX: prefix,
      NPM_CONFIG_CACHE: cache,
      ...(globalConfig ? { NPM_CONFIG_GLOBALCONFIG: globalConfig } : {}),
      ...certificates,
      NPM_CONFIG_PREFER_OFFLINE: 'true',
      NPM_CONFIG_UPDATE_NOTIFIER: 'false',
      NPM_CONFIG_FUND: 'false',
      NPM_CONFIG_AUDIT: 'false',
    });
  }, 120_000);

  afterAll(async () => {
    shell?.stop();
    // Retried: the shell tmux ran may take a moment to go once its server is killed.
    if (home) await rm(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it('runs the README, then the common mistakes, each with the message and exit code it should', async () => {
    const steps: string[] = [];
    /** Runs a step and checks its exit code, with everything it printed in the failure message. */
    const expectStep = async (command: string, code: number, timeout?: number) => {
      const step = await shell.run(command, timeout);
      steps.push(`$ ${command}  -> exit ${step.code} in ${step.seconds.toFixed(1)} s`);
      expect(step.code, `${command} printed:\n${step.output}`).toBe(code);
      expect(step.output, command).not.toMatch(STACK);
      return step;
    };

    // A newcomer has nothing called coprod; a machine that has already run the quick start has its own, which the
    // temporary prefix, first on PATH, then stands in front of (checked after the install below).
    await expectStep(`cd ${quote(clone)}`, 0);
    const already = spawnSync('sh', ['-c', 'command -v coprod'], {
      env: { PATH: SYSTEM_PATH },
      encoding: 'utf8',
    }).stdout.trim();
    await expectStep('command -v coprod', already === '' ? 1 : 0);

    // The quick start: the first command installs coprod, puts it on PATH and renders the sample's papers.
    const [install, tests] = readmeBlock(readme, '## Quick start');
    expect(install).toMatch(/^npm ci && npm install --global .* && coprod pack --half 2023\/24-H1/);
    expect(tests).toBe('npm ci && npm test');
    const installed = await expectStep(install, 0, 600_000);
    // --ignore-scripts spares the newcomer npm's warning that coprod's build script was not approved (npm ci has built it).
    expect(installed.output).not.toMatch(/npm error|install-scripts/i);
    expect((await expectStep('command -v coprod', 0)).output.trim()).toBe(
      path.join(home, 'npm-global', 'bin', 'coprod'),
    );
    expect(installed.output).toMatch(/coprod: board pack for 2023\/24-H1 in reports: \d+ written, 0 unchanged\./);
    const papers = (await readdir(path.join(clone, 'reports'))).filter((f) => !f.startsWith('.'));
    expect(papers).toEqual(
      expect.arrayContaining([
        'board-pack-2023-24-h1.docx',
        'index.md',
        'pob-2023-24-h1.md',
        'pob-2023-24-h1.docx',
        'economy-pac-2023-24-q1.md',
        'economy-pac-2023-24-q2.docx',
      ]),
    );

    // Then the first things to try, as the README lists them.
    const [validate, validateQ1, latest, summary] = readmeBlock(readme, 'the first things to try');
    const checked = await expectStep(validate, 0);
    expect(checked.output).toContain(
      'Coverage (returns, framework items served, plans followed up) was checked for 2023/24-Q2 (July to September 2023), the latest quarter with updates.',
    );
    expect(checked.output).toContain('Coverage of other quarters: 2023/24-Q1 has 6 warnings');
    expect(checked.output).toContain('To check another quarter: `coprod validate --quarter 2023/24-Q1`');
    expect(validateQ1).toBe('coprod validate --quarter 2023/24-Q1');
    const q1 = await expectStep(validateQ1, 0);
    expect(q1.output).toContain(
      'coverage-department  Department `public-health` has no activity update for 2023/24-Q1 (April to June 2023)',
    );
    expect(q1.output).toContain('0 errors, 6 warnings');
    const report = await expectStep(latest, 0);
    // The pack wrote these already: the same data gives the same files, left alone.
    expect(report.output).toContain('unchanged reports/economy-pac-2023-24-q2.md');
    expect(report.output).toContain('unchanged reports/economy-pac-2023-24-q2.docx');
    expect((await expectStep(summary, 0)).output).toMatch(/(wrote|unchanged) reports\/pob-2023-24-h1\.md/);

    // The rest of the README's commands for authors work as written.
    expect(readme).toContain('coprod report --quarter 2023/24-Q1 --committee economy-pac');
    expect((await expectStep('coprod report --quarter 2023/24-Q1 --committee economy-pac', 0)).output).toContain(
      'reports/economy-pac-2023-24-q1.md',
    );

    // From another folder, coprod is still there.
    await expectStep(`cd ${quote(elsewhere)}`, 0);
    const there = await expectStep(`coprod validate --data ${quote(path.join(clone, 'data'))}`, 0);
    expect(there.output).toContain('was checked for 2023/24-Q2');
    const nowhere = await expectStep('coprod validate', 2);
    expect(nowhere.output).toContain(
      `coprod: data folder not found: ${path.join(elsewhere, 'data')}. Pass --data DIR with the folder that holds council.yaml`,
    );
    await expectStep(`cd ${quote(clone)}`, 0);

    // Periods as people write them.
    expect((await expectStep('coprod report --quarter 2023/24-q1 --format md', 0)).output).toContain(
      'reports/health-pac-2023-24-q1.md',
    );
    expect((await expectStep('coprod report --quarter latest --format md', 0)).output).toContain(
      'reports/health-pac-2023-24-q2.md',
    );
    expect((await expectStep('coprod summary --half previous --format md', 0)).output).toContain(
      'reports/pob-2022-23-h2.md',
    );
    const badQuarter = await expectStep('coprod report --quarter 2023-Q1', 2);
    expect(badQuarter.output).toContain(
      'coprod: --quarter must be a financial-year quarter written YYYY/YY-Qn, such as 2023/24-Q1, or latest or previous (got "2023-Q1").',
    );
    expect(badQuarter.output).toContain(
      "This council's financial year starts in April: Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March",
    );
    const noData = await expectStep('coprod report --quarter 2025/26-Q1', 1);
    expect(noData.output).toContain(
      'the data has no update or assessment for 2025/26-Q1, so nothing was written; the data covers 2022/23-Q3 to 2023/24-Q2.',
    );

    // Mistyped options and ids.
    const typo = await expectStep('coprod report --quater 2023/24-Q1', 2);
    expect(typo.output).toContain("coprod: unknown option '--quater'\n(Did you mean --quarter?)");
    expect(typo.output).not.toContain('required');
    const committee = await expectStep('coprod report --quarter 2023/24-Q1 --committee economy', 2);
    expect(committee.output.trim()).toBe(
      'coprod: unknown committee "economy" (did you mean "economy-pac"?); the committees in council.yaml are: economy-pac, climate-pac, health-pac, children-pac, inclusion-pac',
    );

    // Inside the data folder.
    await expectStep('cd data', 0);
    const inside = await expectStep('coprod validate', 2);
    expect(inside.output).toContain(
      `coprod: data folder not found: ${path.join(clone, 'data', 'data')}. This folder holds a council.yaml: to use it, pass --data .`,
    );
    expect((await expectStep('coprod validate --data .', 0)).output).toContain(
      'Checked this folder (council.yaml, framework.yaml and 6 department files)',
    );
    await expectStep('cd ..', 0);

    // An output folder that cannot be made stops at once.
    const proc = await expectStep('coprod pack --half 2023/24-H1 --out /proc/x', 2, 20_000);
    expect(proc.output).toContain('coprod: could not create the output folder (/proc/x)');
    expect(proc.seconds).toBeLessThan(5);

    // All this wrote nothing but papers in reports/ (ignored by git, like node_modules/ and dist/).
    expect(gitStatus(clone)).toEqual(before);
    // The transcript, for whoever reads the test's output.
    console.log(steps.join('\n'));
  }, 900_000);
});
