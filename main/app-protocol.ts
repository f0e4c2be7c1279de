/**
 * The `app://console` protocol: serves the built renderer and forwards `/api/*`
 * to the sync server (the embedded one or the configured one).
 *
 * Forwarding keeps the page's origin fixed whatever the server URL (so the local
 * IndexedDB survives a server change, an update or a new port), lets the CSP say
 * `connect-src 'self'` in the desktop app exactly as in web mode, and needs no
 * CORS on the server. Written against the Fetch API (Request → Response), which is
 * what Electron's protocol.handle speaks, so it runs and is tested under Node.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { APP_HOST } from './app-origin';

/** The same policy as renderer/index.html's meta tag, sent as a header so frame-ancestors applies too. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers that describe one hop of the connection, or that the proxy must not pass on. */
const HOP_HEADERS = ['host', 'connection', 'origin', 'referer', 'cookie', 'content-length'];

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /**
   * Base URL of the sync server, read on every request. A promise while the embedded
   * server starts, so the first requests wait for it instead of failing.
   */
  apiTarget: () => string | null | Promise<string | null>;
  /** net.fetch in Electron (honours the system proxy); global fetch in tests. */
  fetch: (input: string, init: RequestInit) => Promise<Response>;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const root = resolve(options.rendererDir);

  async function proxy(request: Request, url: URL): Promise<Response> {
    const target = await options.apiTarget();
    // No server yet, or it cannot be reached: a network error, which the console shows as offline.
    if (!target) return Response.error();
    const headers = new Headers(request.headers);
    for (const name of HOP_HEADERS) headers.delete(name);
    const init: RequestInit = { method: request.method, headers, signal: request.signal };
    if (request.method !== 'GET' && request.method !== 'HEAD') init.body = await request.arrayBuffer();
    let upstream: Response;
    try {
      upstream = await options.fetch(`${target}${url.pathname}${url.search}`, init);
    } catch {
      return Response.error();
    }
    // The body arrives decoded; its original encoding and length no longer describe it.
    const out = new Headers(upstream.headers);
    out.delete('content-encoding');
    out.delete('content-length');
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: out,
    });
  }

  async function file(path: string): Promise<Response | null> {
    const full = resolve(root, `.${path}`);
    const rel = relative(root, full);
    if (rel.startsWith('..') || rel.includes(`${sep}..`) || resolve(root, rel) !== full) return null;
    try {
      if (!(await stat(full)).isFile()) return null;
      return new Response(new Uint8Array(await readFile(full)), {
        headers: {
          'content-type': CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return null;
    }
  }

  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    if (url.pathname.startsWith('/api/')) return proxy(request, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (path.includes('\0')) return notFound();
    const found = await file(path === '/' ? '/index.html' : path);
    if (found) return found;
    // Client-side routes (/wallboard, /settings) get the app; a missing asset stays a 404.
    return extname(path) === '' ? ((await file('/index.html')) ?? notFound()) : notFound();
  };
}
