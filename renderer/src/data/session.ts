/**
 * The signed-in session, kept in localStorage so a reload (even offline) opens
 * the console on local data. An expired token still opens the console; sync
 * then asks the agent to sign in again and keeps the outbox meanwhile.
 */
import type { Session } from './api-client';

const KEY = 'spark-console.session';

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}
