import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES, CONSOLE_URL, isAppUrl, WALLBOARD_URL } from './app-origin';

// IndexedDB and localStorage (the agent's local store, outbox and session) are
// keyed by the page origin and live in the user data folder, which is named after
// the product. Both must stay fixed across updates, or an update orphans them.
describe('the local database survives app updates', () => {
  it('because the page origin is a fixed custom scheme and host, whatever the server URL or port', () => {
    expect(APP_ORIGIN).toBe('app://console');
    expect(new URL(CONSOLE_URL)).toMatchObject({ protocol: 'app:', host: 'console', port: '' });
    expect(new URL(WALLBOARD_URL)).toMatchObject({ protocol: 'app:', host: 'console', port: '' });
    const main = readFileSync('main/index.ts', 'utf8');
    expect(main).toMatch(/loadURL\(CONSOLE_URL\)/);
    expect(main).not.toMatch(/loadURL\((server|url|target)/);
  });

  it('because the scheme is registered standard and secure (storage needs a real origin)', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('because the product name and app id that name the user data folder are pinned', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; productName: string };
    expect(pkg).toMatchObject({ name: 'spark-console', productName: 'Spark Console' });
    const builder = readFileSync('electron-builder.yml', 'utf8');
    expect(builder).toMatch(/^appId: com\.spark\.console$/m);
    expect(builder).toMatch(/^productName: Spark Console$/m);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl('app://console/wallboard?x=1')).toBe(true);
    for (const url of [
      'app://console.evil/',
      'app://other/',
      'https://console/',
      'app://u:p@console/',
      'nope',
    ])
      expect(isAppUrl(url), url).toBe(false);
  });
});
