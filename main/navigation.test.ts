import { describe, expect, it } from 'vitest';
import { externalUrl, guardContents, guardPermissions } from './navigation';
import { FakeWebContents, fakeSession } from './test-support/electron-double';

function guarded() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  guardContents(contents.asWebContents(), (url) => opened.push(url));
  return { contents, opened };
}

describe('navigation guards', () => {
  it('keep the window on app://console, sending web links to the browser', () => {
    const { contents, opened } = guarded();
    expect(contents.fire('will-navigate', 'app://console/wallboard')).toBe(false);
    expect(contents.fire('will-navigate', 'https://help.spark.example/kb/1')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'http://evil.example/')).toBe(true);
    expect(opened).toEqual(['https://help.spark.example/kb/1', 'http://evil.example/']);
  });

  it('deny every new window, opening only http(s) links externally', () => {
    const { contents, opened } = guarded();
    for (const url of [
      'https://status.spark.example/',
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'https://user:pass@evil.example/',
      'app://console/',
    ]) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://status.spark.example/']);
  });

  it('refuse to attach a <webview>', () => {
    expect(guarded().contents.fire('will-attach-webview', {}, {})).toBe(true);
  });

  it('pass only well-formed http(s) URLs to the OS', () => {
    expect(externalUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(externalUrl('mailto:ava@spark.demo')).toBeNull();
    expect(externalUrl('not a url')).toBeNull();
  });
});

describe('permissions', () => {
  it('are denied by default, and to every other origin', async () => {
    const { session, requestPermission, checkPermission } = fakeSession();
    guardPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'display-capture'])
      expect(await requestPermission(permission, 'app://console/'), permission).toBe(false);
    expect(await requestPermission('fullscreen', 'app://console/wallboard')).toBe(true);
    expect(await requestPermission('fullscreen', 'https://evil.example/')).toBe(false);
    expect(checkPermission('media', 'app://console')).toBe(false);
    expect(checkPermission('clipboard-sanitized-write', 'app://console')).toBe(true);
  });
});
