/**
 * The signed-in session, kept in localStorage so a reload (even offline) opens
 * the console on local data. An expired token still opens the console; sync
 * then asks the agent to sign in again and keeps the outbox meanwhile. The
 * desktop app swaps the storage for the OS keychain (platform/session-vault.ts).
 */
import type { Session } from './api-client';

const KEY = 'spark-console.session';

export interface SessionBackend {
  load(): Session | null;
  save(session: Session): void;
  clear(): void;
}

const localStorageBackend: SessionBackend = {
  load() {
    try {
      const raw = localStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      return null;
    }
  },
  save: (session) => localStorage.setItem(KEY, JSON.stringify(session)),
  clear: () => localStorage.removeItem(KEY),
};

let backend = localStorageBackend;

export function setSessionBackend(next: SessionBackend): void {
  backend = next;
}

export const loadSession = (): Session | null => backend.load();
export const saveSession = (session: Session): void => backend.save(session);
export const clearSession = (): void => backend.clear();
