/**
 * Stand-ins for the few Electron objects main's logic touches (ipcMain, an invoke
 * event's sender frame, webContents, a session). The Electron binary cannot be
 * downloaded here, so main is tested under Node with these; each mimics only the
 * behaviour the code relies on, as the Electron docs describe it.
 */
import { EventEmitter } from 'node:events';
import type {
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle(channel: string, handler: Handler) {
      // Like Electron: a second handler for one channel is an error.
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
  } as unknown as Pick<IpcMain, 'handle'>;
  /** What ipcRenderer.invoke would get: the handler's result, or its error (no handler = error, as in Electron). */
  async function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
  return { ipcMain, handlers, invoke };
}

/** An invoke event from a frame showing `url`; `top: false` makes it an iframe. */
export function invokeEvent(url: string | null, top = true): IpcMainInvokeEvent {
  const senderFrame = url === null ? null : { url, parent: top ? null : { url: 'app://console/' } };
  return { senderFrame } as unknown as IpcMainInvokeEvent;
}

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
    this.openHandler = handler;
  }
  /** Emits a cancellable event the way Electron does; returns whether a listener cancelled it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
  /** window.open / target=_blank as Electron reports it to the open handler. */
  open(url: string): WindowOpenHandlerResponse {
    if (!this.openHandler) return { action: 'allow' }; // Electron's default: a new window opens
    return this.openHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
    } as HandlerDetails);
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

export function fakeSession() {
  let request: RequestHandler = null;
  let check: CheckHandler = null;
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (check = h),
  } as unknown as Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  /** Electron grants every permission when no handler is set. */
  function requestPermission(permission: string, requestingUrl: string): Promise<boolean> {
    if (!request) return Promise.resolve(true);
    const contents = { getURL: () => requestingUrl } as unknown as WebContents;
    return new Promise((done) =>
      request?.(contents, permission as never, done, { requestingUrl, isMainFrame: true } as never),
    );
  }
  function checkPermission(permission: string, origin: string): boolean {
    return check ? check(null, permission as never, origin, {} as never) : true;
  }
  return { session, requestPermission, checkPermission };
}
