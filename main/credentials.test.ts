import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialStore, type Cipher } from './credentials';

// Test double for safeStorage (it needs the Electron runtime and an OS keychain):
// a reversible transform, enough to check that plaintext never reaches the disk.
function fakeCipher(backend = 'gnome_libsecret', available = true): Cipher {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('base64')}`),
    decryptString: (b) => {
      const text = b.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(text.slice(4), 'base64').toString();
    },
    getSelectedStorageBackend: () => backend,
  };
}

const dirs: string[] = [];
const fileIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'spark-cred-'));
  dirs.push(dir);
  return join(dir, 'session.bin');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('credential store', () => {
  it('keeps the session encrypted on disk and gives it back', () => {
    const file = fileIn();
    const store = new CredentialStore(file, fakeCipher(), 'linux');
    store.save('{"token":"secret-token"}');
    expect(readFileSync(file).toString()).not.toContain('secret-token');
    expect(new CredentialStore(file, fakeCipher(), 'linux').load()).toBe('{"token":"secret-token"}');
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('refuses to store without a real keychain (Linux basic_text, or none at all)', () => {
    expect(() => new CredentialStore(fileIn(), fakeCipher('basic_text'), 'linux').save('x')).toThrow(
      /keychain/,
    );
    expect(() => new CredentialStore(fileIn(), fakeCipher('x', false), 'darwin').save('x')).toThrow(
      /keychain/,
    );
    expect(new CredentialStore(fileIn(), fakeCipher('basic_text'), 'win32').available).toBe(true);
  });

  it('treats an unreadable file as no session', () => {
    const file = fileIn();
    new CredentialStore(file, fakeCipher(), 'darwin').save('s');
    const other: Cipher = {
      ...fakeCipher(),
      decryptString: () => {
        throw new Error('bad key');
      },
    };
    expect(new CredentialStore(file, other, 'darwin').load()).toBeNull();
  });
});
