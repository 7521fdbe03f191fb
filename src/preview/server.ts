import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Site } from './site.js';

/** The only address the preview listens on: this computer, never the network. */
export const LOOPBACK = '127.0.0.1';

/** A running preview server: it serves whatever site it is given last, and tells open pages when that changes. */
export interface PreviewServer {
  /** The port it listens on (the one asked for, or the one the system chose for port 0). */
  port: number;
  show(site: Site): void;
  close(): Promise<void>;
}

/** The port is taken (or not allowed): the command says so and exits 2. */
export class PortError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Page headers: never cached, nothing loaded from elsewhere; the inline
 * styles and the preview's one inline script are all a page may run.
 */
const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'",
};

/**
 * Serves the site on 127.0.0.1 with node's own HTTP server: GET of a page,
 * and `/events`, a stream of server-sent events carrying the site's version.
 * A request whose Host is not this address (a web page elsewhere reaching in
 * through DNS rebinding) is refused.
 */
export function startServer(port: number, first: Site): Promise<PreviewServer> {
  let site = first;
  const listeners = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    if (!fromHere(request, portOf(server))) return send(response, 403, 'This preview answers only to its own address.');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Only pages can be read here.');
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    if (url.pathname === '/events') return subscribe(response, listeners, () => site.version);
    const page = site.pages.get(url.pathname === '/index.html' ? '/' : url.pathname);
    if (page === undefined)
      return send(response, 404, 'There is no such paper in this preview. The list of papers is at /.');
    response.writeHead(200, {
      ...HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(page),
    });
    response.end(request.method === 'HEAD' ? undefined : page);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new PortError(error.code ?? 'unknown', error.message)),
    );
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      resolve({
        port: portOf(server),
        show(next) {
          site = next;
          for (const listener of listeners) listener.write(`data: ${site.version}\n\n`);
        },
        close: () => closeServer(server, listeners),
      });
    });
  });
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function fromHere(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

function send(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${message}\n`);
}

/** Server-sent events: the current version at once, then each new one. */
function subscribe(response: ServerResponse, listeners: Set<ServerResponse>, version: () => number): void {
  response.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  response.write(`retry: 500\ndata: ${version()}\n\n`);
  listeners.add(response);
  response.on('close', () => listeners.delete(response));
}

async function closeServer(server: Server, listeners: Set<ServerResponse>): Promise<void> {
  for (const listener of listeners) listener.end();
  listeners.clear();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
