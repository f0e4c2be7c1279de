/**
 * Builds `window.desktop` over ipcRenderer. Separate from index.ts (which only
 * calls contextBridge) so it can be tested under Node with a stand-in ipcRenderer.
 * Each method invokes one fixed channel: the renderer never names a channel, so it
 * cannot reach anything main does not register under the `spark:` prefix.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { EVENTS, IPC, TICKET_REF, type DesktopApi } from './api';

type Invoker = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createDesktopApi(ipc: Invoker): DesktopApi {
  const invoke = <T>(channel: string, ...args: unknown[]) => ipc.invoke(channel, ...args) as Promise<T>;
  return {
    isDesktop: true,
    serverUrl: () => invoke(IPC.serverUrl),
    appVersion: () => invoke(IPC.appVersion),
    getSettings: () => invoke(IPC.getSettings),
    saveSettings: (settings) => invoke(IPC.saveSettings, settings),
    testConnection: (url) => invoke(IPC.testConnection, url),
    displays: () => invoke(IPC.displays),
    restart: () => invoke(IPC.restart),
    openWallboard: () => invoke(IPC.openWallboard),
    notify: (notice) => invoke(IPC.notify, notice),
    setBadge: (counts) => invoke(IPC.setBadge, counts),
    loadCredentials: () => invoke(IPC.loadCredentials),
    saveCredentials: (credentials) => invoke(IPC.saveCredentials, credentials),
    clearCredentials: () => invoke(IPC.clearCredentials),
    takePendingTicket: () => invoke(IPC.takePendingTicket),
    onOpenTicket(listener) {
      // The event object stays here: handing it to the page would leak ipcRenderer.
      const handler = (_event: IpcRendererEvent, ref: unknown) => {
        if (typeof ref === 'string' && TICKET_REF.test(ref)) listener(ref);
      };
      ipc.on(EVENTS.openTicket, handler);
      return () => void ipc.removeListener(EVENTS.openTicket, handler);
    },
  };
}
