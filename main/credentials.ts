/**
 * The signed-in session, encrypted with Electron's safeStorage (the OS keychain:
 * Keychain on macOS, DPAPI on Windows, the Secret Service / KWallet on Linux) and
 * written to a file in the user data folder. Main never reads it: it stores what
 * the renderer hands over and gives it back.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';

export type Cipher = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  /** Linux only: 'basic_text' means no keychain, just a hard-coded key. */
  getSelectedStorageBackend?: () => string;
};

export class CredentialStore {
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** A real keychain: on Linux without one, safeStorage falls back to a fixed key, which protects nothing. */
  get available(): boolean {
    if (!this.cipher.isEncryptionAvailable()) return false;
    return this.platform !== 'linux' || this.cipher.getSelectedStorageBackend?.() !== 'basic_text';
  }

  load(): string | null {
    if (!this.available || !existsSync(this.file)) return null;
    try {
      return this.cipher.decryptString(readFileSync(this.file));
    } catch {
      // Encrypted under another OS user or a reset keychain: unreadable, so sign in again.
      return null;
    }
  }

  save(secret: string): void {
    if (!this.available) {
      throw new Error('No OS keychain is available to encrypt the session; it is kept for this run only.');
    }
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, this.cipher.encryptString(secret), { mode: 0o600 });
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
