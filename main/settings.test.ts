import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testConnection } from './connection-test';
import { autostartEntry, setLinuxAutostart } from './login-item';
import { DEFAULT_SETTINGS, parseStored, serverUrlSchema, SettingsStore } from './settings';

const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'spark-settings-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('server URL', () => {
  it('is normalised: trimmed, no trailing slash, path kept', () => {
    expect(serverUrlSchema.parse(' https://support.example.com/ ')).toBe('https://support.example.com');
    expect(serverUrlSchema.parse('http://10.0.0.5:4170/spark/')).toBe('http://10.0.0.5:4170/spark');
  });

  it('refuses other schemes, credentials, queries and non-URLs with a reason', () => {
    const reason = (input: string) => serverUrlSchema.safeParse(input).error?.issues[0]?.message;
    expect(reason('ftp://example.com')).toMatch(/http:\/\/ or https:\/\//);
    expect(reason('javascript:alert(1)')).toMatch(/http:\/\/ or https:\/\//);
    expect(reason('https://ava:pw@example.com')).toMatch(/user name and password/);
    expect(reason('https://example.com/?next=evil')).toMatch(/query/);
    expect(reason('support.example.com')).toMatch(/Not a URL/);
  });
});

describe('settings file', () => {
  it('round-trips settings and window bounds', () => {
    const file = join(tmp(), 'settings.json');
    const store = new SettingsStore(file);
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    store.saveSettings({
      serverUrl: 'https://x.example/',
      startOnLogin: true,
      wallboard: { kiosk: true, displayId: 7 },
    });
    store.saveConsoleBounds({ x: 5, y: 6, width: 1200, height: 800, maximized: false });
    const again = new SettingsStore(file);
    expect(again.settings).toEqual({
      serverUrl: 'https://x.example',
      startOnLogin: true,
      wallboard: { kiosk: true, displayId: 7 },
    });
    expect(again.consoleBounds).toEqual({ x: 5, y: 6, width: 1200, height: 800, maximized: false });
  });

  it('refuses invalid settings and keeps the saved ones', () => {
    const file = join(tmp(), 'settings.json');
    const store = new SettingsStore(file);
    expect(() => store.saveSettings({ ...DEFAULT_SETTINGS, serverUrl: 'file:///etc' })).toThrow(/http/);
    expect(() => store.saveSettings({ serverUrl: null })).toThrow();
    expect(new SettingsStore(file).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to defaults for a damaged or hand-edited file, part by part', () => {
    const file = join(tmp(), 'settings.json');
    writeFileSync(file, '{ not json');
    expect(new SettingsStore(file).settings).toEqual(DEFAULT_SETTINGS);
    const bounds = { x: 1, y: 2, width: 300, height: 200, maximized: true };
    expect(parseStored({ settings: { serverUrl: 42 }, consoleBounds: bounds })).toEqual({
      settings: DEFAULT_SETTINGS,
      consoleBounds: bounds,
    });
    expect(parseStored({ consoleBounds: { x: 'a' } }).consoleBounds).toBeNull();
  });
});

describe('start on login (Linux)', () => {
  it('writes and removes an XDG autostart entry with the executable quoted', () => {
    const config = tmp();
    setLinuxAutostart(true, config, '/opt/Spark Console/spark-console');
    const file = join(config, 'autostart', 'spark-console.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Spark Console/spark-console" --hidden');
    setLinuxAutostart(false, config, '/opt/x');
    expect(() => readFileSync(file)).toThrow();
    expect(autostartEntry('/a/"b"$c')).toContain('Exec="/a/\\"b\\"\\$c" --hidden');
  });
});

describe('connection test', () => {
  it('tells a Spark Console server from anything else, and an unreachable one', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/good/api/health') return res.end(JSON.stringify({ ok: true, db: 'pglite' }));
      if (req.url === '/other/api/health') return res.end('<html>hello</html>');
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await testConnection(`${base}/good`, fetch)).toMatchObject({ ok: true });
      expect(await testConnection(`${base}/other`, fetch)).toEqual({
        ok: false,
        error: 'Something answered, but it is not a Spark Console server.',
      });
      expect(await testConnection(`${base}/missing`, fetch)).toEqual({
        ok: false,
        error: 'The server answered HTTP 404.',
      });
      const gone = await testConnection('http://127.0.0.1:9', fetch);
      expect(gone.ok === false && gone.error).toMatch(/^Cannot reach http:\/\/127\.0\.0\.1:9/);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
