/**
 * In the desktop app the signed-in session is kept encrypted by the OS keychain
 * (main/credentials.ts, safeStorage) instead of in localStorage. Loaded once
 * before the app renders, so reading the session stays synchronous.
 */
import type { Session } from '../data/api-client';
import { setSessionBackend } from '../data/session';
import { desktop } from './desktop';

const LEGACY_KEY = 'spark-console.session';

export async function installDesktopSessionVault(): Promise<void> {
  const bridge = desktop();
  if (!bridge) return; // web mode keeps localStorage
  let current: Session | null = null;
  try {
    const raw = await bridge.loadCredentials();
    current = raw ? (JSON.parse(raw) as Session) : null;
  } catch (error) {
    console.warn('stored session unreadable', error);
  }
  // No keychain (e.g. Linux without a Secret Service): the session was kept in
  // localStorage instead; a session from before the vault is moved into it.
  const legacy = localStorage.getItem(LEGACY_KEY);
  if (!current && legacy) {
    try {
      current = JSON.parse(legacy) as Session;
    } catch {
      current = null;
    }
  }
  const persist = (session: Session) =>
    bridge.saveCredentials(JSON.stringify(session)).then(
      () => localStorage.removeItem(LEGACY_KEY),
      (error: unknown) => {
        console.warn('No OS keychain: the session is kept in local storage.', error);
        localStorage.setItem(LEGACY_KEY, JSON.stringify(session));
      },
    );
  if (current && legacy) void persist(current);
  setSessionBackend({
    load: () => current,
    save(session) {
      current = session;
      void persist(session);
    },
    clear() {
      current = null;
      localStorage.removeItem(LEGACY_KEY);
      void bridge.clearCredentials();
    },
  });
}
