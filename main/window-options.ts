import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/**
 * Fixed for every window the app opens; set here, never per call site. The
 * preload is one bundled CommonJS file, which is what a sandboxed preload needs.
 */
export function secureWebPreferences(preloadDir: string): WebPreferences {
  return {
    preload: join(preloadDir, 'index.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export const CONSOLE_DEFAULT_SIZE = { width: 1440, height: 900 } as const;

/** The console window; `bounds` are the restored ones (main/window-state.ts), if any. */
export function consoleWindowOptions(
  preloadDir: string,
  bounds?: Partial<Rectangle>,
): BrowserWindowConstructorOptions {
  return {
    ...CONSOLE_DEFAULT_SIZE,
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show, so no white flash
    title: 'Spark Console',
    backgroundColor: '#0f1115',
    webPreferences: secureWebPreferences(preloadDir),
  };
}

/**
 * The wallboard: on the chosen display's whole area, full screen, or in kiosk mode
 * (no way out but the keyboard shortcut, for an unattended wall screen).
 */
export function wallboardWindowOptions(
  preloadDir: string,
  display: Rectangle,
  kiosk: boolean,
): BrowserWindowConstructorOptions {
  return {
    x: display.x,
    y: display.y,
    width: display.width,
    height: display.height,
    show: false,
    title: 'Spark Console — Wallboard',
    backgroundColor: '#0f1115',
    fullscreen: true,
    kiosk,
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences(preloadDir), spellcheck: false },
  };
}
