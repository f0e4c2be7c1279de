import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, isSettingsLocation } from './app/App';
import './app/theme.css';
import { loadSession } from './data/session';
import { openStoreAhead } from './data/use-console-store';
import { installDesktopSessionVault } from './platform/session-vault';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The desktop app reads the session from the OS keychain first (a no-op in a browser).
void installDesktopSessionVault().then(() => {
  // Signed in already: the console and the wallboard both start on the local store, so
  // start reading it now (settings, reachable before signing in, does not use it).
  const session = loadSession();
  if (session && !isSettingsLocation(window.location)) openStoreAhead(session);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

// Web mode: a service worker keeps the app shell so the console reloads offline.
// (The desktop app serves itself locally and does not need one.)
if ('serviceWorker' in navigator && !window.desktop && window.location.protocol.startsWith('http')) {
  void navigator.serviceWorker
    .register('/sw.js')
    .catch((error: unknown) => console.warn('service worker not registered', error));
}
