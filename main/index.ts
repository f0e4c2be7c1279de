/**
 * Electron main process: wires the shell's parts to Electron. The decisions live
 * in small modules tested under Node (window options, IPC routes and validation,
 * navigation guards, deep links, tray badge, menu); this file only connects them.
 *
 * The console is served from app://console (main/app-protocol.ts), which forwards
 * /api to the sync server: the embedded one (PGlite, demo workspace) when no
 * server URL is configured, else the configured one.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { EVENTS, type BadgeCounts, type DesktopNotice } from '../preload/api';
import { findUp } from '../server/paths';
import { startServer, type RunningServer } from '../server/start';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, CONSOLE_URL, WALLBOARD_URL } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { testConnection } from './connection-test';
import { CredentialStore } from './credentials';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deep-links';
import { registerRoutes } from './ipc-router';
import { desktopRoutes } from './ipc-routes';
import { setLinuxAutostart } from './login-item';
import { appMenuTemplate } from './menu';
import { guardContents, guardPermissions } from './navigation';
import { serverUrlSchema, SettingsStore } from './settings';
import { trayState } from './tray-state';
import { CONSOLE_DEFAULT_SIZE, consoleWindowOptions, wallboardWindowOptions } from './window-options';
import { pickDisplay, restoreBounds } from './window-state';

// Tests (and side-by-side installs) get their own user data folder: settings, keychain file, IndexedDB.
if (process.env.SPARK_USER_DATA_DIR) app.setPath('userData', resolve(process.env.SPARK_USER_DATA_DIR));

const preloadDir = join(import.meta.dirname, '../preload');
const rendererDir = join(import.meta.dirname, '../renderer');
const startHidden = process.argv.includes('--hidden');

// Before `ready`: the scheme's privileges (origin, storage, fetch) are fixed at start-up.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let consoleWindow: BrowserWindow | null = null;
let wallboardWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let server: RunningServer | null = null;
let quitting = false;
/** A ticket to open once the console asks (deep link at start, or before it listened). */
let pendingTicket: string | null = deepLinkFromArgv(process.argv)?.ref ?? null;
/** Shown notifications, kept referenced so their click handlers are not collected. */
const liveNotifications = new Set<Notification>();

function openExternal(url: string): void {
  void shell.openExternal(url);
}

function showConsole(): void {
  if (!consoleWindow || consoleWindow.isDestroyed()) {
    consoleWindow = createConsoleWindow(true);
    return;
  }
  if (consoleWindow.isMinimized()) consoleWindow.restore();
  consoleWindow.show();
  consoleWindow.focus();
}

function openTicket(ref: string): void {
  pendingTicket = ref; // taken (and cleared) by the console; also covers a console still loading
  showConsole();
  consoleWindow?.webContents.send(EVENTS.openTicket, ref);
}

// macOS delivers deep links as open-url, possibly before `ready`.
app.on('open-url', (event, url) => {
  event.preventDefault();
  const link = parseDeepLink(url);
  if (link) {
    if (app.isReady()) openTicket(link.ref);
    else pendingTicket = link.ref;
  }
});

function createConsoleWindow(show: boolean): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
    (d) => d.workArea,
  );
  const { bounds, maximized } = restoreBounds(settings.consoleBounds, areas, CONSOLE_DEFAULT_SIZE);
  const win = new BrowserWindow(consoleWindowOptions(preloadDir, bounds ?? undefined));
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    if (show) win.show();
  });
  const saveBounds = () => {
    if (!win.isDestroyed())
      settings.saveConsoleBounds({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  // Also while it moves (debounced), so a crash or a forced logout keeps the last place.
  let pending: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(saveBounds, 1000);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', (event) => {
    clearTimeout(pending);
    saveBounds();
    // With a tray, closing hides: notifications and sync keep running until Quit.
    if (tray && !quitting) {
      event.preventDefault();
      win.hide();
    }
  });
  void win.loadURL(CONSOLE_URL);
  return win;
}

function openWallboard(): void {
  if (wallboardWindow && !wallboardWindow.isDestroyed()) return wallboardWindow.focus();
  const primary = screen.getPrimaryDisplay();
  const { kiosk, displayId } = settings.settings.wallboard;
  const display = pickDisplay(screen.getAllDisplays(), primary.id, displayId) ?? primary;
  const win = new BrowserWindow(wallboardWindowOptions(preloadDir, display.bounds, kiosk));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => (wallboardWindow = null));
  void win.loadURL(WALLBOARD_URL);
  wallboardWindow = win;
}

function openSettings(): void {
  showConsole();
  void consoleWindow?.loadURL(`${CONSOLE_URL}settings`);
}

function notify(notice: DesktopNotice): void {
  if (!Notification.isSupported()) return;
  const note = new Notification({ title: notice.title, body: notice.body });
  liveNotifications.add(note);
  note.on('click', () => openTicket(notice.ticketRef));
  note.on('close', () => liveNotifications.delete(note));
  note.show();
}

function setBadge(counts: BadgeCounts | null): void {
  const state = trayState(counts);
  tray?.setToolTip(state.tooltip);
  if (process.platform === 'darwin') tray?.setTitle(state.title);
  app.setBadgeCount(state.badgeCount); // macOS dock, Linux Unity launchers; a no-op elsewhere
  // Windows has no count badge: a red dot over the taskbar button says "needs attention".
  if (process.platform === 'win32' && consoleWindow && !consoleWindow.isDestroyed()) {
    const dot = findUp('resources/icons/badge.png');
    consoleWindow.setOverlayIcon(
      state.badgeCount > 0 && dot ? nativeImage.createFromBuffer(readFileSync(dot)) : null,
      state.tooltip,
    );
  }
}

function createTray(): void {
  const iconPath = findUp('resources/icons/tray.png');
  if (!iconPath) return;
  try {
    // Read through fs, which reads inside app.asar, rather than by path.
    tray = new Tray(nativeImage.createFromBuffer(readFileSync(iconPath)));
  } catch (error) {
    console.warn('No system tray here; closing the window quits.', error);
    return;
  }
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Console', click: showConsole },
      { label: 'Open Wallboard', click: openWallboard },
      { label: 'Settings', click: openSettings },
      { type: 'separator' },
      { label: 'Quit Spark Console', click: () => app.quit() },
    ]),
  );
  tray.on('click', showConsole);
  setBadge(null);
}

function sendKey(key: string): void {
  const contents = consoleWindow?.webContents;
  if (!contents) return;
  contents.sendInputEvent({ type: 'keyDown', keyCode: key });
  if (key.length === 1) contents.sendInputEvent({ type: 'char', keyCode: key.toLowerCase() });
  contents.sendInputEvent({ type: 'keyUp', keyCode: key });
}

function applyStartOnLogin(enabled: boolean): void {
  if (process.platform === 'linux') {
    const configDir = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
    setLinuxAutostart(enabled, configDir, process.env.APPIMAGE ?? process.execPath);
  } else {
    app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
  }
}

const settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'));
const credentials = new CredentialStore(join(app.getPath('userData'), 'session.bin'), safeStorage);

async function startEmbeddedServer(): Promise<string | null> {
  try {
    server = await startServer({
      // Any free port: the page's origin is app://console, whatever the server's port.
      port: Number(process.env.SPARK_PORT ?? 0),
      dataDir: process.env.SPARK_DATA_DIR ?? join(app.getPath('userData'), 'pglite'),
      demoTickets: 3000,
    });
    return server.url;
  } catch (error) {
    console.error('The embedded server did not start:', error);
    return null;
  }
}

async function main(): Promise<void> {
  await app.whenReady();
  const fromEnv = process.env.SPARK_SERVER_URL;
  const configured = fromEnv ? serverUrlSchema.parse(fromEnv) : settings.settings.serverUrl;
  const target: Promise<string | null> = configured ? Promise.resolve(configured) : startEmbeddedServer();
  let serverUrl = configured ?? '';
  void target.then((url) => (serverUrl = url ?? ''));

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir,
      apiTarget: () => target,
      fetch: (url, init) => net.fetch(url, init),
    }),
  );
  guardPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal));

  registerRoutes(
    ipcMain,
    desktopRoutes({
      serverUrl: () => serverUrl,
      appVersion: () => app.getVersion(),
      getSettings: () => settings.settings,
      saveSettings: (next) => {
        const saved = settings.saveSettings(next);
        applyStartOnLogin(saved.startOnLogin);
        return saved;
      },
      testConnection: (url) => testConnection(url, (u, init) => net.fetch(u, init)),
      displays: () => {
        const primary = screen.getPrimaryDisplay().id;
        return screen.getAllDisplays().map((d) => ({
          id: d.id,
          label: `${d.label || 'Display'} (${d.size.width}×${d.size.height})`,
          primary: d.id === primary,
        }));
      },
      restart: () => {
        app.relaunch();
        app.quit();
      },
      openWallboard,
      notify,
      setBadge,
      loadCredentials: () => credentials.load(),
      saveCredentials: (secret) => credentials.save(secret),
      clearCredentials: () => credentials.clear(),
      takePendingTicket: () => {
        const ref = pendingTicket;
        pendingTicket = null;
        return ref;
      },
    }),
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(process.platform, {
        openSettings,
        openWallboard,
        sendKey,
      }),
    ),
  );
  createTray();
  consoleWindow = createConsoleWindow(!(startHidden && tray));
}

// One instance: a second launch (a deep link clicked while running) hands its
// arguments to the first and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // In development (electron .) the OS must be told to pass the app folder too.
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) openTicket(link.ref);
    else showConsole();
  });
  app.on('before-quit', (event) => {
    quitting = true;
    if (!server) return;
    // Let PGlite close (and flush) before the process ends, then quit for real.
    event.preventDefault();
    const closing = server;
    server = null;
    void closing.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', showConsole);
  void main();
}
