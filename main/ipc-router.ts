/**
 * The one way renderer requests reach main. Every handler is registered through
 * here, so each call is checked in the same order: the channel carries the app's
 * prefix, the sender is the app's own top-level page (app://console), and the
 * arguments parse against the route's zod tuple (extra arguments are refused too).
 * Anything else is rejected with an error the renderer sees, and nothing runs.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC_PREFIX } from '../preload/api';
import { isAppUrl } from './app-origin';

export interface Route {
  readonly args: z.ZodType<readonly unknown[]>;
  handle(args: readonly unknown[], event: IpcMainInvokeEvent): unknown;
}

/** A route whose handler gets its arguments typed by the schema. */
export function route<T extends readonly unknown[]>(
  args: z.ZodType<T>,
  handle: (args: T, event: IpcMainInvokeEvent) => unknown,
): Route {
  return { args, handle: handle as Route['handle'] };
}

export class IpcRejected extends Error {
  override name = 'IpcRejected';
}

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The app's own page, in the top frame: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(event: Sender): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerRoutes(
  ipc: Pick<IpcMain, 'handle'>,
  routes: Readonly<Record<string, Route>>,
  trusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): void {
  for (const [channel, r] of Object.entries(routes)) {
    if (!channel.startsWith(IPC_PREFIX) || channel.length === IPC_PREFIX.length) {
      throw new Error(`IPC channel "${channel}" must start with "${IPC_PREFIX}".`);
    }
    ipc.handle(channel, async (event, ...raw: unknown[]) => {
      if (!trusted(event)) {
        throw new IpcRejected(
          `${channel}: refused, the sender is not the app (${event.senderFrame?.url ?? 'gone'}).`,
        );
      }
      const parsed = r.args.safeParse(raw);
      if (!parsed.success)
        throw new IpcRejected(`${channel}: bad arguments. ${z.prettifyError(parsed.error)}`);
      return r.handle(parsed.data, event);
    });
  }
}
