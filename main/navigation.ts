/**
 * Navigation and permission guards for every web contents the app creates.
 * The page may only ever show app://console; links to the web open in the
 * user's browser (http/https only, never file:, javascript:, smb: and the like),
 * new windows and <webview> are refused, and permissions are denied unless listed.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** The URL to hand to shell.openExternal, or null when it must not leave the app. */
export function externalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // user:pass@host links are a classic disguise for where a link really goes.
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    const external = externalUrl(url);
    if (external) openExternal(external);
  };
  contents.on('will-navigate', (event, url) => stayInApp(event, url));
  contents.on('will-redirect', (event, url) => stayInApp(event, url));
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrl(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
  // webviewTag is off in every window; refuse an attach even if something turned it on.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permissions the app's own page may use; everything else, and every other origin, is denied. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return isAppUrl(requestingUrl) && ALLOWED_PERMISSIONS.has(permission);
}

export function guardPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
) {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl ?? contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
}
