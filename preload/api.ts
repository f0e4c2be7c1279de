/**
 * The whole surface the renderer gets from the desktop shell, as `window.desktop`.
 * Kept small on purpose: every method is a capability the renderer could abuse
 * if it were compromised, and every channel is validated again in main
 * (main/ipc-routes.ts: sender origin, then the arguments with zod).
 */
export interface DesktopSettings {
  /** Sync server to connect to; null = start the embedded server (PGlite, demo workspace). */
  serverUrl: string | null;
  startOnLogin: boolean;
  wallboard: { kiosk: boolean; displayId: number | null };
}

export interface DisplayInfo {
  id: number;
  label: string;
  primary: boolean;
}

export type ConnectionTest = { ok: true; ms: number } | { ok: false; error: string };

export interface DesktopNotice {
  title: string;
  body: string;
  /** The ticket a click on the notification opens. */
  ticketRef: string;
}

export interface BadgeCounts {
  /** My open tickets. */
  backlog: number;
  /** My open tickets whose SLA is breached. */
  breaching: number;
}

/** The signed-in session, opaque to main: kept encrypted with safeStorage. */
export type StoredCredentials = string;

export interface DesktopApi {
  readonly isDesktop: true;
  /** Base URL of the sync server the shell connects to (embedded or configured). */
  serverUrl(): Promise<string>;
  appVersion(): Promise<string>;
  getSettings(): Promise<DesktopSettings>;
  /** Saves; a new server URL takes effect after `restart()`. */
  saveSettings(settings: DesktopSettings): Promise<DesktopSettings>;
  testConnection(url: string): Promise<ConnectionTest>;
  displays(): Promise<DisplayInfo[]>;
  restart(): Promise<void>;
  openWallboard(): Promise<void>;
  notify(notice: DesktopNotice): Promise<void>;
  setBadge(counts: BadgeCounts): Promise<void>;
  /** Encrypted with the OS keychain (safeStorage); null when none is stored or it cannot be read. */
  loadCredentials(): Promise<StoredCredentials | null>;
  saveCredentials(credentials: StoredCredentials): Promise<void>;
  clearCredentials(): Promise<void>;
  /** A deep link (or a notification click) that arrived before the console listened. */
  takePendingTicket(): Promise<string | null>;
  /** Deep links and notification clicks: `spark-console://ticket/SD-10234`. Returns an unsubscribe. */
  onOpenTicket(listener: (ticketRef: string) => void): () => void;
}

export const IPC_PREFIX = 'spark:';
/** renderer → main (invoke), each validated in main/ipc-routes.ts. */
export const IPC = {
  serverUrl: `${IPC_PREFIX}server-url`,
  appVersion: `${IPC_PREFIX}app-version`,
  getSettings: `${IPC_PREFIX}settings:get`,
  saveSettings: `${IPC_PREFIX}settings:save`,
  testConnection: `${IPC_PREFIX}settings:test-connection`,
  displays: `${IPC_PREFIX}displays`,
  restart: `${IPC_PREFIX}restart`,
  openWallboard: `${IPC_PREFIX}wallboard:open`,
  notify: `${IPC_PREFIX}notify`,
  setBadge: `${IPC_PREFIX}badge`,
  loadCredentials: `${IPC_PREFIX}credentials:load`,
  saveCredentials: `${IPC_PREFIX}credentials:save`,
  clearCredentials: `${IPC_PREFIX}credentials:clear`,
  takePendingTicket: `${IPC_PREFIX}deep-link:take`,
} as const;
export type InvokeChannel = (typeof IPC)[keyof typeof IPC];

/** main → renderer events. */
export const EVENTS = {
  openTicket: `${IPC_PREFIX}open-ticket`,
} as const;

/** A ticket reference as the workspace writes them: `SD-10234`. */
export const TICKET_REF = /^[A-Z][A-Z0-9]{0,9}-\d{1,10}$/;
