import { describe, expect, it } from 'vitest';
import { consoleWindowOptions, wallboardWindowOptions } from './window-options';
import { pickDisplay, restoreBounds } from './window-state';

// Runs under Node without Electron: these only build option objects and geometry.
const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  preload: '/app/out/preload/index.cjs',
};

describe('window options', () => {
  it('keep the console isolated and sandboxed, whatever bounds are restored', () => {
    const options = consoleWindowOptions('/app/out/preload', { x: 10, y: 20, width: 1000, height: 700 });
    expect(options.webPreferences).toMatchObject(SECURE);
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('put the wallboard full screen on the chosen display, in kiosk mode when asked', () => {
    const display = { x: 1920, y: 0, width: 3840, height: 2160 };
    const options = wallboardWindowOptions('/app/out/preload', display, true);
    expect(options).toMatchObject({ ...display, fullscreen: true, kiosk: true });
    expect(options.webPreferences).toMatchObject(SECURE);
    expect(wallboardWindowOptions('/p', display, false).kiosk).toBe(false);
  });
});

describe('restored console bounds', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 875 };
  const monitor = { x: 1440, y: 0, width: 2560, height: 1415 };
  const defaults = { width: 1440, height: 900 };

  it('reopen where the window was when that place is still on a screen', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: true };
    expect(restoreBounds(saved, [laptop, monitor], defaults)).toEqual({
      bounds: { x: 1600, y: 100, width: 1200, height: 800 },
      maximized: true,
    });
  });

  it('come back onto the primary display when the monitor it was on is gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, [laptop], defaults)).toEqual({
      bounds: { x: 0, y: 0, width: 1440, height: 875 },
      maximized: false,
    });
  });

  it('shrink to fit a smaller screen, and centre the default size on first start', () => {
    const saved = { x: 0, y: 0, width: 3000, height: 2000, maximized: false };
    expect(restoreBounds(saved, [laptop], defaults).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    const big = { x: 0, y: 0, width: 2560, height: 1415 };
    expect(restoreBounds(null, [big], defaults).bounds).toEqual({ x: 560, y: 258, width: 1440, height: 900 });
  });
});

describe('wallboard display', () => {
  const displays = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('is the chosen one, else a secondary screen, else the primary', () => {
    expect(pickDisplay(displays, 1, 3)?.id).toBe(3);
    expect(pickDisplay(displays, 1, 99)?.id).toBe(2);
    expect(pickDisplay([{ id: 1 }], 1, null)?.id).toBe(1);
    expect(pickDisplay([], 1, null)).toBeUndefined();
  });
});
