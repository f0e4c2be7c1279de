/**
 * The desktop bridge, with a browser fallback: in Electron, preload exposes
 * `window.desktop`; in web mode (e2e, wall screens) it is absent.
 */
import type { DesktopApi } from '../../../preload/api';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

/**
 * Where the API is: always the page's own origin. In web mode the server serves
 * the page; in the desktop app app://console forwards /api to the embedded or
 * configured server (main/app-protocol.ts), so the CSP can stay `connect-src 'self'`.
 */
export async function serverBaseUrl(): Promise<string> {
  return window.location.origin;
}

export const isDesktop = (): boolean => window.desktop?.isDesktop === true;

/** The bridge, or null in a browser. */
export const desktop = (): DesktopApi | null => window.desktop ?? null;
