import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/** The console window's options; security settings are fixed here, not per call site. */
export function consoleWindowOptions(preloadDir: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Spark Console',
    backgroundColor: '#0f1115',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}
