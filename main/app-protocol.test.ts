import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler } from './app-protocol';

// The handler is what Electron's protocol.handle calls; here it gets real Requests,
// real files and a real HTTP server behind /api (only the Electron runtime is absent).
let dir: string;
let server: Server;
let target: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spark-app-protocol-'));
  mkdirSync(join(dir, 'renderer/assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'renderer/assets/index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  server = createServer((req, res) => {
    if (req.url === '/api/sync/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: ready\ndata: {}\n\n');
      setTimeout(() => res.end('event: poke\ndata: {}\n\n'), 50);
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization ?? null,
          cookie: req.headers.cookie ?? null,
          body,
        }),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

const handler = (apiTarget: string | null = target) =>
  createAppProtocolHandler({ rendererDir: join(dir, 'renderer'), apiTarget: () => apiTarget, fetch });

describe('app://console', () => {
  it('serves the renderer with its content type and the CSP as a header', async () => {
    const res = await handler()(new Request('app://console/assets/index.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with the app, and missing assets with 404', async () => {
    expect(await (await handler()(new Request('app://console/wallboard'))).text()).toContain('<title>app');
    expect(await (await handler()(new Request('app://console/'))).text()).toContain('<title>app');
    expect((await handler()(new Request('app://console/assets/missing.js'))).status).toBe(404);
  });

  it('never serves files outside the renderer folder, nor other hosts', async () => {
    for (const url of [
      'app://console/%2e%2e/secret.txt',
      'app://console/..%2fsecret.txt',
      'app://console/../secret.txt',
    ]) {
      const res = await handler()(new Request(url));
      expect(await res.text(), url).not.toContain('outside the renderer');
    }
    expect((await handler()(new Request('app://evil/index.html'))).status).toBe(404);
  });

  it('forwards /api to the server with method, query, body and token, but no cookies', async () => {
    const res = await handler()(
      new Request('app://console/api/sync/push?x=1', {
        method: 'POST',
        headers: { authorization: 'Bearer t0k', 'content-type': 'application/json', cookie: 'a=b' },
        body: '{"mutations":[]}',
      }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      method: 'POST',
      url: '/api/sync/push?x=1',
      auth: 'Bearer t0k',
      cookie: null,
      body: '{"mutations":[]}',
    });
  });

  it('streams the event stream through as it arrives', async () => {
    const res = await handler()(new Request('app://console/api/sync/events'));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: ready');
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    expect(rest).toContain('event: poke');
  });

  it('fails like a lost network when the server is unknown or unreachable, so the console shows offline', async () => {
    expect((await handler(null)(new Request('app://console/api/health'))).type).toBe('error');
    const gone = await handler('http://127.0.0.1:9')(new Request('app://console/api/health'));
    expect(gone.type).toBe('error');
  });
});
