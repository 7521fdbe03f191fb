import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether tmux is installed: the terminal tests are skipped without it. */
export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

/** Quotes a word for a POSIX shell. */
export const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A detached tmux session on its own server: a real pseudo-terminal that a
 * test types into and reads, as a person would use coprod.
 */
export class Terminal {
  private readonly socket = `coprod-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

  /** Starts `command` (a shell command line) in a 200 × 50 terminal that keeps 50,000 lines of history. */
  start(command: string): void {
    this.tmux(
      'start-server',
      ';',
      'set-option',
      '-g',
      'history-limit',
      '50000',
      ';',
      'new-session',
      '-d',
      '-s',
      'coprod',
      '-x',
      '200',
      '-y',
      '50',
      command,
    );
  }

  /** What the terminal shows now. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'coprod').stdout;
  }

  /** Everything the terminal has shown, lines that wrapped joined again. */
  history(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'coprod').stdout;
  }

  /** Waits until the screen (or, with `where: 'history'`, anything shown) matches, polling generously. */
  async waitFor(text: string | RegExp, timeout = 30_000, where: 'screen' | 'history' = 'screen'): Promise<void> {
    const until = Date.now() + timeout;
    const shown = () => (where === 'screen' ? this.screen() : this.history());
    const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
    while (!matches(shown())) {
      if (Date.now() > until)
        throw new Error(
          `the terminal did not show ${String(text)} within ${timeout / 1000}s; it shows:\n${this.screen()}`,
        );
      await sleep(100);
    }
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'coprod', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'coprod', '-l', text);
  }

  stop(): void {
    this.tmux('kill-server');
  }

  private tmux(...args: string[]) {
    return spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }
}
