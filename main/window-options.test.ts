import { describe, expect, it } from 'vitest';
import { consoleWindowOptions } from './window-options';

// Runs under Node without Electron: window-options only builds the options object.
describe('console window options', () => {
  it('keep the renderer isolated and sandboxed, whatever the caller', () => {
    const options = consoleWindowOptions('/app/out/preload');
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(options.show).toBe(false); // shown on ready-to-show, so no white flash
  });
});
