/**
 * The desktop bridge, with a browser fallback: in Electron, preload exposes
 * `window.desktop`; in web mode (e2e, wall screens) the console talks to the
 * server it was served from.
 */
import type { DesktopApi } from '../../../preload/api';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

export async function serverBaseUrl(): Promise<string> {
  return window.desktop ? window.desktop.serverUrl() : window.location.origin;
}

export const isDesktop = (): boolean => window.desktop?.isDesktop === true;
