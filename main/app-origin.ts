/**
 * The renderer's origin: `app://console`, served by main/app-protocol.ts.
 *
 * IndexedDB (the agent's local store and outbox) and localStorage are keyed by
 * origin. A custom scheme with a fixed host keeps that origin the same across
 * app updates, install folders, server URLs and ports, so an update never
 * orphans the local database (a file:// or http://127.0.0.1:<port> page would).
 */
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * `standard` gives the scheme an origin (and so IndexedDB, localStorage, relative
 * URLs); `secure` makes it a secure context; `supportFetchAPI` and `stream` let the
 * renderer fetch the proxied /api (including the Server-Sent Events stream). No
 * `bypassCSP`: the CSP applies to this scheme like to any page.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

export function isAppUrl(url: string): boolean {
  try {
    // Compared by parts: WHATWG URL gives custom schemes an opaque ("null") origin outside
    // Chromium, where only the registration as a standard scheme gives it a real one.
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password
    );
  } catch {
    return false;
  }
}

/** The console and the wallboard are routes of the same page; the wallboard window shows the board in TV mode (large type, rotating pages). */
export const CONSOLE_URL = `${APP_ORIGIN}/`;
export const WALLBOARD_URL = `${APP_ORIGIN}/wallboard?tv=1`;
