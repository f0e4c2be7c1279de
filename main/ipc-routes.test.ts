import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IPC, type DesktopSettings } from '../preload/api';
import { registerRoutes, route } from './ipc-router';
import { desktopRoutes, type ShellServices } from './ipc-routes';
import { fakeIpcMain, invokeEvent } from './test-support/electron-double';

const APP = invokeEvent('app://console/');
const settings: DesktopSettings = {
  serverUrl: null,
  startOnLogin: false,
  wallboard: { kiosk: false, displayId: null },
};

function services(calls: unknown[][]): ShellServices {
  const record =
    (name: string, result: unknown = undefined) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  return {
    serverUrl: record('serverUrl', 'http://127.0.0.1:4170') as () => string,
    appVersion: record('appVersion', '0.1.0') as () => string,
    getSettings: record('getSettings', settings) as () => DesktopSettings,
    saveSettings: record('saveSettings', settings) as ShellServices['saveSettings'],
    testConnection: record(
      'testConnection',
      Promise.resolve({ ok: true, ms: 1 }),
    ) as ShellServices['testConnection'],
    displays: record('displays', []) as ShellServices['displays'],
    restart: record('restart'),
    openWallboard: record('openWallboard'),
    notify: record('notify'),
    setBadge: record('setBadge'),
    loadCredentials: record('loadCredentials', null) as () => null,
    saveCredentials: record('saveCredentials'),
    clearCredentials: record('clearCredentials'),
    takePendingTicket: record('takePendingTicket', 'SD-1') as () => string,
  };
}

function setup() {
  const calls: unknown[][] = [];
  const { ipcMain, handlers, invoke } = fakeIpcMain();
  registerRoutes(ipcMain, desktopRoutes(services(calls)));
  return { calls, handlers, invoke };
}

describe('IPC', () => {
  it('registers a handler for every channel of window.desktop, and only those', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(IPC).sort());
  });

  it('serves the app page', async () => {
    const { invoke, calls } = setup();
    expect(await invoke(IPC.serverUrl, APP)).toBe('http://127.0.0.1:4170');
    await invoke(IPC.notify, APP, { title: 'SLA breached: SD-1', body: 'x', ticketRef: 'SD-1' });
    await invoke(IPC.testConnection, APP, ' https://support.example.com/ ');
    expect(calls).toEqual([
      ['serverUrl'],
      ['notify', { title: 'SLA breached: SD-1', body: 'x', ticketRef: 'SD-1' }],
      ['testConnection', 'https://support.example.com'],
    ]);
  });

  it('rejects senders that are not the app page: other origins, iframes, a gone frame', async () => {
    const { invoke, calls } = setup();
    for (const event of [
      invokeEvent('https://evil.example/'),
      invokeEvent('http://127.0.0.1:4170/'),
      invokeEvent('file:///etc/passwd'),
      invokeEvent('app://console.evil/'),
      invokeEvent('app://console/', false),
      invokeEvent(null),
    ]) {
      await expect(invoke(IPC.loadCredentials, event)).rejects.toThrow(/refused, the sender is not the app/);
    }
    expect(calls).toEqual([]);
  });

  it('rejects bad arguments before anything runs', async () => {
    const { invoke, calls } = setup();
    const bad: [string, unknown[]][] = [
      [IPC.notify, [{ title: 'x', body: 'y', ticketRef: '../../etc' }]],
      [IPC.notify, [{ title: 'x', body: 'y', ticketRef: 'SD-1', icon: '/etc/passwd' }]],
      [IPC.setBadge, [{ backlog: -1, breaching: 0 }]],
      [IPC.setBadge, [{ backlog: 1.5, breaching: 0 }]],
      [IPC.testConnection, ['file:///etc/passwd']],
      [IPC.testConnection, ['https://user:pw@example.com']],
      [IPC.saveSettings, [{ ...settings, serverUrl: 'javascript:alert(1)' }]],
      [IPC.saveCredentials, ['x'.repeat(64 * 1024 + 1)]],
      [IPC.serverUrl, ['unexpected extra argument']],
      [IPC.restart, [1, 2]],
    ];
    for (const [channel, args] of bad) {
      await expect(invoke(channel, APP, ...args), channel).rejects.toThrow(/bad arguments/);
    }
    expect(calls).toEqual([]);
  });

  it('has no handler for channels it does not know, and refuses to register unprefixed ones', async () => {
    const { invoke } = setup();
    await expect(invoke('spark:shell-exec', APP, 'rm -rf /')).rejects.toThrow(/No handler/);
    const { ipcMain } = fakeIpcMain();
    expect(() => registerRoutes(ipcMain, { 'open-file': route(z.tuple([]), () => null) })).toThrow(/spark:/);
  });
});
