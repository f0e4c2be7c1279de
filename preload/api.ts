/**
 * The whole surface the renderer gets from the desktop shell, as `window.desktop`.
 * Kept small on purpose: every method is a capability the renderer could abuse
 * if it were compromised, and every channel is validated again in main.
 */
export interface DesktopApi {
  readonly isDesktop: true;
  /** Base URL of the sync server the console talks to (embedded or configured). */
  serverUrl(): Promise<string>;
  appVersion(): Promise<string>;
}

export const IPC_PREFIX = 'spark:';
export const IPC = {
  serverUrl: `${IPC_PREFIX}server-url`,
  appVersion: `${IPC_PREFIX}app-version`,
} as const;
