import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Io } from './io.js';
import { optionalWholeNumber } from './options.js';
import { UsageError } from './usage.js';

export const WEB_HELP = `Usage: treatment-outcomes web [--port <n>]

Serves the auditor's workbench (a page that audits pasted text, dropped files and single figures,
all inside the browser) on http://127.0.0.1, and prints its address. Nothing is fetched from
the network and nothing you paste leaves the machine. Ctrl-C stops it.

Options:
  --port <n>   Port to listen on (default: a free port chosen by the system)
`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// the same policy as the page's own meta tag, sent as a header too: scripts only from here, no
// eval, and the page may open no connection at all
const HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The built app: dist/web next to the CLI's own folder (dist/cli), or dist/web from the source tree. */
export function webRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets', 'main.js')));
  if (found === undefined) throw new UsageError(`the workbench is not built (no ${join(candidates[0]!, 'index.html')}): run npm run build`);
  return found;
}

/** A static server for `root` on 127.0.0.1; GET and HEAD only, nothing outside `root`. */
export function workbenchServer(root: string): Server {
  return createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD', ...HEADERS }).end();
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        response.writeHead(400, HEADERS).end('bad request\n');
        return;
      }
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      const type = TYPES[extname(file).toLowerCase()];
      if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || type === undefined || path.includes('\0')) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...HEADERS }).end('not found\n');
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, ...HEADERS });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...HEADERS }).end('not found\n');
      }
    })();
  });
}

/** `treatment-outcomes web [--port n]`: serve the workbench until interrupted. */
export async function web(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(WEB_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`web takes no file, got ${JSON.stringify(positionals[0])}`);
  const port = optionalWholeNumber(values.port, '--port', { min: 0, max: 65535 }) ?? 0;
  const root = normalize(webRoot());
  const server = workbenchServer(root);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} on 127.0.0.1 is in use: choose another with --port, or leave it out for a free one`) : error),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  io.out(`Workbench: http://127.0.0.1:${bound}/\nServing ${root} on 127.0.0.1 only; press Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    if (io.signal?.aborted) stop();
    io.signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGTERM', stop);
  });
  return 0;
}
