/**
 * Every renderer → main call, with the schema its arguments must match. The
 * record is keyed by the channels in preload/api.ts and must cover all of them
 * (the `satisfies` below fails to compile when a channel has no route).
 */
import { z } from 'zod';
import {
  IPC,
  TICKET_REF,
  type BadgeCounts,
  type ConnectionTest,
  type DesktopNotice,
  type DesktopSettings,
  type DisplayInfo,
  type InvokeChannel,
} from '../preload/api';
import { route, type Route } from './ipc-router';
import { serverUrlSchema, settingsSchema } from './settings';

/** What main does for the renderer; index.ts provides it with Electron, tests with plain objects. */
export interface ShellServices {
  serverUrl(): string;
  appVersion(): string;
  getSettings(): DesktopSettings;
  saveSettings(settings: DesktopSettings): DesktopSettings;
  testConnection(url: string): Promise<ConnectionTest>;
  displays(): DisplayInfo[];
  restart(): void;
  openWallboard(): void;
  notify(notice: DesktopNotice): void;
  setBadge(counts: BadgeCounts): void;
  loadCredentials(): string | null;
  saveCredentials(secret: string): void;
  clearCredentials(): void;
  takePendingTicket(): string | null;
}

const none = z.tuple([]);
const count = z.number().int().min(0).max(10_000_000);
export const noticeSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(500),
  ticketRef: z.string().regex(TICKET_REF),
});
export const badgeSchema = z.strictObject({ backlog: count, breaching: count });
/** A session is a token and a user record; 64 KiB is far beyond one and bounds what main writes. */
const credentialsSchema = z
  .string()
  .min(1)
  .max(64 * 1024);

export function desktopRoutes(s: ShellServices): Record<InvokeChannel, Route> {
  return {
    [IPC.serverUrl]: route(none, () => s.serverUrl()),
    [IPC.appVersion]: route(none, () => s.appVersion()),
    [IPC.getSettings]: route(none, () => s.getSettings()),
    [IPC.saveSettings]: route(z.tuple([settingsSchema]), ([settings]) => s.saveSettings(settings)),
    [IPC.testConnection]: route(z.tuple([serverUrlSchema]), ([url]) => s.testConnection(url)),
    [IPC.displays]: route(none, () => s.displays()),
    [IPC.restart]: route(none, () => s.restart()),
    [IPC.openWallboard]: route(none, () => s.openWallboard()),
    [IPC.notify]: route(z.tuple([noticeSchema]), ([notice]) => s.notify(notice)),
    [IPC.setBadge]: route(z.tuple([badgeSchema]), ([counts]) => s.setBadge(counts)),
    [IPC.loadCredentials]: route(none, () => s.loadCredentials()),
    [IPC.saveCredentials]: route(z.tuple([credentialsSchema]), ([secret]) => s.saveCredentials(secret)),
    [IPC.clearCredentials]: route(none, () => s.clearCredentials()),
    [IPC.takePendingTicket]: route(none, () => s.takePendingTicket()),
  } satisfies Record<InvokeChannel, Route>;
}
