import { spawn, spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** True under `npm run test:quick`: the CLI runs from the sources, not the build. */
export const FROM_SOURCES = process.env['COPROD_TEST_FROM_SOURCES'] === '1';
/** The binary the tests spawn: the built one, or under `npm run test:quick` the sources through tsx. */
export const BIN = FROM_SOURCES
  ? path.join(ROOT, 'tests', 'helpers', 'source-bin.mjs')
  : path.join(ROOT, 'bin', 'coprod.js');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs coprod in-process with captured output; `overrides` may replace the file system or environment. */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; io?: Partial<Io> } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.end();
  const io: Io = {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin,
    fs: fsp,
    ...options.io,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Spawns the built binary, as a user or CI would, with no terminal and no input. */
export function spawnCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer; timeout?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Copies a folder to a fresh temporary folder and returns its path. */
export async function copyToTemp(src: string, prefix = 'coprod-'): Promise<string> {
  const dir = await fsp.mkdtemp(path.join((await import('node:os')).tmpdir(), prefix));
  await fsp.cp(src, dir, { recursive: true });
  return dir;
}

/** Runs the built binary with a wall-clock limit; a case that hangs is killed and fails. */
export function spawnWithin(
  args: string[],
  cwd: string,
  ms = 10_000,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; elapsed: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, elapsed: performance.now() - started });
    });
  });
}
