import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { EVENTS, IPC, IPC_PREFIX } from './api';
import { createDesktopApi } from './desktop-api';

// Test double for ipcRenderer (the Electron runtime cannot run here): records
// invokes and lets the test emit main → renderer events.
function fakeIpc() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<(event: IpcRendererEvent, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return Promise.resolve(null);
    },
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return ipc;
    },
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({} as IpcRendererEvent, ...args);
  };
  return { ipc: ipc as unknown as IpcRenderer, invoked, emit, listeners };
}

describe('window.desktop', () => {
  it('invokes only the fixed, prefixed channels, one per method', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = createDesktopApi(ipc);
    await api.serverUrl();
    await api.testConnection('http://10.0.0.5:4170');
    await api.setBadge({ backlog: 3, breaching: 1 });
    expect(invoked).toEqual([
      { channel: IPC.serverUrl, args: [] },
      { channel: IPC.testConnection, args: ['http://10.0.0.5:4170'] },
      { channel: IPC.setBadge, args: [{ backlog: 3, breaching: 1 }] },
    ]);
    for (const channel of Object.values(IPC)) expect(channel.startsWith(IPC_PREFIX)).toBe(true);
  });

  it('passes only well-formed ticket refs to the page, without the event object', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const got: unknown[][] = [];
    const off = createDesktopApi(ipc).onOpenTicket((...args) => got.push(args));
    emit(EVENTS.openTicket, 'SD-10234');
    emit(EVENTS.openTicket, 'javascript:alert(1)');
    emit(EVENTS.openTicket, { ref: 'SD-1' });
    expect(got).toEqual([['SD-10234']]);
    off();
    expect(listeners.get(EVENTS.openTicket)?.size).toBe(0);
  });
});
