// `treatment-outcomes web`: a static server on 127.0.0.1 that serves the built app and nothing else.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { workbenchServer } from '../../src/cli/web.js';

/** A raw GET (fetch would normalise `..` away before it reaches the server). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  const value: Io = { out: (t) => out.push(t), err: (t) => err.push(t), bold: (t) => t, signal: controller.signal };
  return { io: value, out, err, stop: () => controller.abort() };
}

describe('the workbench server', () => {
  let server: Server;
  let port: number;
  const root = mkdtempSync(join(tmpdir(), 'to-web-'));
  const app = join(root, 'app');

  beforeAll(async () => {
    mkdirSync(join(app, 'assets'), { recursive: true });
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(app, 'assets', 'main.js'), 'export {};');
    writeFileSync(join(root, 'secret.txt'), 'not for the browser');
    server = workbenchServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the page and its scripts with their types and a policy that forbids connections', async () => {
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'none'/);
    expect(page.body).toContain('<title>t</title>');
    const script = await get(port, '/assets/main.js');
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get(port, '/assets/main.js', 'HEAD')).body).toBe('');
  });

  it('serves nothing outside its folder, and only GET and HEAD', async () => {
    expect((await get(port, '/../secret.txt')).status).toBe(404);
    expect((await get(port, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get(port, '/missing.js')).status).toBe(404);
    expect((await get(port, '/index.html', 'POST')).status).toBe(405);
  });
});

describe('treatment-outcomes web', () => {
  it('prints a 127.0.0.1 address on a free port, serves the built app there, and stops when interrupted', async () => {
    const t = io();
    const done = run(['web'], t.io);
    await expect.poll(() => t.out.join('')).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
    const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(t.out.join(''))!;
    const page = await get(Number(url[1]), '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Treatment outcomes workbench');
    t.stop();
    expect(await done).toBe(0);
  });

  it('says so when --port is taken, and refuses a bad one', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const t = io();
      expect(await run(['web', '--port', String(taken)], t.io)).toBe(2);
      expect(t.err.join('')).toContain(`port ${taken} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
    const bad = io();
    expect(await run(['web', '--port', 'http'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('--port must be a whole number');
  });
});
