/**
 * Electron main process: starts the embedded server (PGlite + demo workspace)
 * and opens the console window on it. OS access only; the domain is in core/.
 * Hardening, tray, deep links and the wallboard window come with the shell issue.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { IPC } from '../preload/api';
import { findUp } from '../server/paths';
import { startServer, type RunningServer } from '../server/start';
import { consoleWindowOptions } from './window-options';

let server: RunningServer | null = null;

async function createWindow(url: string): Promise<void> {
  const win = new BrowserWindow(consoleWindowOptions(join(import.meta.dirname, '../preload')));
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url: target }) => {
    if (/^https?:\/\//.test(target)) void shell.openExternal(target);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, target) => {
    if (!target.startsWith(url)) event.preventDefault();
  });
  await win.loadURL(url);
}

async function main(): Promise<void> {
  await app.whenReady();
  const configured = process.env.SPARK_SERVER_URL;
  if (!configured) {
    server = await startServer({
      // A fixed port keeps the page origin, and so its IndexedDB, the same across
      // restarts. (A custom app:// protocol replaces this with the shell issue.)
      port: Number(process.env.SPARK_PORT ?? 4170),
      dataDir: process.env.SPARK_DATA_DIR ?? join(app.getPath('userData'), 'pglite'),
      demoTickets: 3000,
      webRoot: findUp('out/renderer') ?? undefined,
    });
  }
  const url = configured ?? server?.url ?? '';
  ipcMain.handle(IPC.serverUrl, () => url);
  ipcMain.handle(IPC.appVersion, () => app.getVersion());
  await createWindow(url);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void server?.close());
}

void main();
