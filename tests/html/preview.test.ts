/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so these files see the DOM's types.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, writeFile, mkdtemp, cp } from 'node:fs/promises';
import { get } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { axeViolations, openBrowser } from '../helpers/browser.js';

/**
 * `coprod preview` as a user runs it: the built binary serving a copy of the
 * sample data, a browser reading its pages, the data edited under it, and
 * Ctrl-C to stop it.
 */

const STACK = /\n\s+at .+:\d+:\d+/;
const QUARTER = '2023/24-Q1';
const PAPER = 'economy-pac-2023-24-q1.html';
const TITLE = 'Civic Campus inclusive design sign-off';

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the binary and waits until it has said a line matching `ready` (or exited). */
function start(args: string[], cwd: string, ready: RegExp): Promise<Running> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve) => {
    const running = { child, stderr: () => stderr, exited };
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (ready.test(stderr)) resolve(running);
    });
    void exited.then(() => resolve(running));
  });
}

/** Every file and folder under `dir`, relative to it. */
async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

/** Polls `check` in the page (which may be reloading) until it is true; returns the milliseconds it took, or fails after `ms`. */
async function within(page: Page, ms: number, check: () => boolean): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await page.evaluate(check).catch(() => false)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the page did not change within ${ms} ms`);
}

let cwd: string;
let before: string[];
let preview: Running;
let url: string;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'coprod-preview-'));
  await cp(path.join(ROOT, 'data'), path.join(cwd, 'data'), { recursive: true });
  before = await listing(cwd);
  preview = await start(['preview', '--quarter', QUARTER, '--port', '0'], cwd, /rendered \d+ papers/);
  url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(preview.stderr())?.[0] ?? '';
  browser = await openBrowser();
  page = await browser.browser.newPage();
}, 120_000);

afterAll(async () => {
  preview?.child.kill('SIGKILL');
  await browser?.close();
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

describe('coprod preview --quarter 2023/24-Q1 (the built binary)', () => {
  it('says where it serves the papers: 127.0.0.1 only', () => {
    expect(preview.stderr()).not.toMatch(STACK);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves an index linking each committee's paper, and the papers, with no WCAG 2.2 A or AA violation", async () => {
    await page.goto(url);
    const links = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(PAPER);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(url + PAPER);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('Economy');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows an edit to an activity's title within two seconds", async () => {
    await page.goto(url + PAPER);
    const file = path.join(cwd, 'data', 'activities', 'economy.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(`title: ${TITLE}`);
    await writeFile(file, text.replace(`title: ${TITLE}`, 'title: Civic Campus sign-off, edited in preview'));
    const took = await within(page, 2000, () =>
      document.body.innerText.includes('Civic Campus sign-off, edited in preview'),
    );
    expect(took).toBeLessThan(2000);
  });

  it('shows a data problem as validate prints it, over the last good paper, which stays reachable', async () => {
    const file = path.join(cwd, 'data', 'activities', 'economy.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}  - id: [unclosed\n`);
    await within(page, 2000, () => document.querySelector('.notice pre') !== null);
    const shown = await page.$eval('.notice pre', (pre) => pre.textContent ?? '');
    const validate = spawnCli(['validate', '--data', 'data', '--quarter', QUARTER], { cwd });
    expect(validate.code).toBe(1);
    const first = validate.stdout.split('\n')[0];
    expect(first).toMatch(/^data\/activities\/economy\.yaml:\d+:\d+ {2}error {2}yaml-syntax {2}/);
    expect(shown.split('\n')[0]).toBe(first);
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Civic Campus sign-off, edited in preview');
    const again = await fetch(url + PAPER);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Civic Campus sign-off, edited in preview');
  });

  it('refuses requests that name another host, and answers on no other address', async () => {
    // fetch() will not send another Host, so node's own client asks, as a page reached through DNS rebinding would.
    const status = await new Promise<number | undefined>((resolve, reject) =>
      get(url, { headers: { host: 'example.invalid' } }, (r) => resolve(r.resume().statusCode)).on('error', reject),
    );
    expect(status).toBe(403);
    const port = Number(new URL(url).port);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const host of [...others, '::1']) {
      const connected = await new Promise<boolean>((resolve) => {
        const socket = connect({ host, port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(connected, host).toBe(false);
    }
  });

  it('a second preview on the same port exits 2 saying the port is in use', async () => {
    const port = new URL(url).port;
    const second = spawnCli(['preview', '--quarter', QUARTER, '--port', port], { cwd });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(second.stderr).not.toMatch(STACK);
  });

  it('stops cleanly on Ctrl-C (SIGINT) with exit 0, having written nothing', async () => {
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
    expect(preview.stderr()).toContain('coprod preview: stopped.');
    expect(preview.stderr()).not.toMatch(STACK);
    expect(await listing(cwd)).toEqual(before);
  });
});

describe('coprod preview: usage', () => {
  it.each([
    [['preview'], /one of --quarter Q .* or --half H/],
    [['preview', '--quarter', QUARTER, '--half', '2023/24-H1'], /one of --quarter Q/],
    [['preview', '--quarter', 'Q1'], /quarter/],
    [['preview', '--quarter', QUARTER, '--port', '99999'], /--port must be a whole number/],
    [['preview', '--quarter', QUARTER, '--data', 'no-such-folder'], /no-such-folder/],
    [['preview', '--quarter', QUARTER, '--committee', 'nope'], /nope/],
  ])('%j exits 2 with a message and no stack trace', async (args, message) => {
    // Each stops before serving; were one to serve, it would run until this test timed out.
    const result = await runCli(args, { io: { onInterrupt: () => () => undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK);
  });
});
