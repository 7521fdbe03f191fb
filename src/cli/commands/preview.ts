import path from 'node:path';
import { UsageError } from '../../errors.js';
import { loadHtmlFrame } from '../../html/frame.js';
import type { Io } from '../../io/io.js';
import { htmlFrame } from '../../papers/formats.js';
import { renderPreview, type PreviewRender, type PreviewRequest } from '../../preview/render.js';
import { LOOPBACK, PortError, startServer, type PreviewServer } from '../../preview/server.js';
import { buildSite, type GoodRender } from '../../preview/site.js';
import { watchFiles } from '../../preview/watch.js';
import { EXIT } from '../exit.js';
import { halfOption, quarterOption } from '../period-option.js';
import type { Handler } from '../handler.js';
import type { PreviewOptions } from '../options.js';
import { say } from '../shared.js';

/** The port when none is given: the one the README's examples use. */
export const DEFAULT_PORT = 8765;

/**
 * `coprod preview --quarter Q | --half H`: serves the papers as HTML on
 * 127.0.0.1 and renders them again whenever a file in the data folder (or the
 * `--templates` folder) changes. A problem in the data shows at the top of
 * every page, as `validate` prints it, over the last papers that rendered.
 * Writes nothing; runs until Ctrl-C, then exits 0.
 */
export const previewCommand: Handler<PreviewOptions> = async (options, _args, io) => {
  const dataDir = options.data;
  const request = await previewRequest(options, dataDir, io);
  const port = portOption(options.port);
  if (!io.onInterrupt) throw new UsageError('preview runs until it is stopped, and this terminal cannot stop it');

  const first = await renderPreview(io, request);
  // What is wrong before anything is served (no data folder, an unknown committee, a broken template) is a usage error, as in report.
  if (!first.ok && first.usage) {
    io.stderr.write(first.problems);
    return EXIT.USAGE;
  }
  const fallback = await loadHtmlFrame({ council: 'coprod preview', language: 'en-GB', dataDir, fs: io.fs });
  let version = 0;
  let good: GoodRender | undefined;
  const siteOf = async (render: PreviewRender) => {
    if (render.ok)
      good = { period: render.period, papers: render.papers, frame: (await htmlFrame(render.paperOptions)).frame };
    return buildSite(good, render.ok ? undefined : render.problems, ++version, fallback);
  };

  let server: PreviewServer;
  try {
    server = await startServer(port, await siteOf(first));
  } catch (error) {
    if (error instanceof PortError) return portProblem(io, port, error);
    throw error;
  }
  say(
    io,
    `coprod preview: the papers${good ? ` for ${good.period}` : ''} are at http://${LOOPBACK}:${server.port}/ (this computer only); press Ctrl-C to stop.`,
  );
  tellRender(io, first);

  // One render at a time; a change during a render renders again once it ends.
  let rendering: Promise<void> | undefined;
  let again = false;
  const rerender = async (): Promise<void> => {
    if (rendering) {
      again = true;
      return;
    }
    rendering = (async () => {
      do {
        again = false;
        const render = await renderPreview(io, request);
        server.show(await siteOf(render));
        tellRender(io, render);
      } while (again);
    })();
    await rendering.catch((error: Error) => say(io, `coprod preview: could not render the papers: ${error.message}`));
    rendering = undefined;
  };
  const watched = [
    path.resolve(io.cwd, dataDir),
    ...(request.templates ? [path.resolve(io.cwd, request.templates)] : []),
  ];
  const stopWatching = watchFiles(
    watched,
    () => void rerender(),
    (error) =>
      say(io, `coprod preview: cannot watch the files for changes (${error.message}); the pages will not update`),
  );

  await new Promise<void>((resolve) => io.onInterrupt!(resolve));
  await stopWatching();
  await rendering;
  await server.close();
  say(io, 'coprod preview: stopped.');
  return EXIT.OK;
};

/** Exactly one of --quarter and --half, checked as report and summary check them. */
async function previewRequest(options: PreviewOptions, dataDir: string, io: Io): Promise<PreviewRequest> {
  const { quarter, half, committee: committees, templates } = options;
  if ((quarter === undefined) === (half === undefined))
    throw new UsageError(
      "preview needs one of --quarter Q (the committees' updates) or --half H (the board's summary and the updates of its two quarters)",
    );
  const period =
    quarter !== undefined
      ? { quarter: await quarterOption(quarter, dataDir, io) }
      : { half: await halfOption(half, dataDir, io) };
  return { dataDir, period, ...(committees ? { committees } : {}), ...(templates ? { templates } : {}) };
}

/** `--port`: a whole number from 0 (any free port) to 65535. */
function portOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new UsageError(`--port must be a whole number from 1 to 65535, or 0 for any free port (got "${text}")`);
  return port;
}

function portProblem(io: Io, port: number, error: PortError): number {
  if (error.code === 'EADDRINUSE')
    say(
      io,
      `coprod: port ${port} on ${LOOPBACK} is already in use (is another preview running?); choose another with --port N, or --port 0 for any free port`,
    );
  else if (error.code === 'EACCES')
    say(io, `coprod: this user may not listen on port ${port}; choose a port from 1024 to 65535 with --port N`);
  else say(io, `coprod: cannot listen on ${LOOPBACK} port ${port}: ${error.message}`);
  return EXIT.USAGE;
}

/** One line after each render; the data's problems in full, as validate prints them. */
function tellRender(io: Io, render: PreviewRender): void {
  if (render.ok)
    say(
      io,
      `coprod preview: rendered ${render.papers.length} ${render.papers.length === 1 ? 'paper' : 'papers'} for ${render.period}.`,
    );
  else
    io.stderr.write(
      `coprod preview: the data has problems; the pages show them over the last papers that rendered:\n${render.problems}`,
    );
}
