import { useEffect, useState, type FormEvent } from 'react';
import type { ConnectionTest, DesktopSettings, DisplayInfo } from '../../../../preload/api';
import { desktop } from '../../platform/desktop';
import './settings.css';

type ServerMode = 'embedded' | 'remote';

/**
 * Desktop settings at /settings: which server to use (the embedded demo server or
 * a configured URL, with a connection test), start on login, and where the
 * wallboard window goes. Main validates everything again (main/ipc-routes.ts).
 */
export function SettingsScreen() {
  const bridge = desktop();
  if (!bridge) {
    return (
      <main className="login">
        <section className="login-card settings-card">
          <h1>Settings</h1>
          <p className="hint">
            These settings belong to the desktop app. In a browser, the console uses the server it was opened
            from.
          </p>
          <a href="/">Back to the console</a>
        </section>
      </main>
    );
  }
  return <DesktopSettingsForm />;
}

function DesktopSettingsForm() {
  const bridge = desktop();
  const [saved, setSaved] = useState<DesktopSettings | null>(null);
  const [mode, setMode] = useState<ServerMode>('embedded');
  const [url, setUrl] = useState('');
  const [startOnLogin, setStartOnLogin] = useState(false);
  const [kiosk, setKiosk] = useState(false);
  const [displayId, setDisplayId] = useState<number | null>(null);
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  const [test, setTest] = useState<ConnectionTest | 'testing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!bridge) return;
    void Promise.all([bridge.getSettings(), bridge.displays()]).then(([settings, screens]) => {
      setSaved(settings);
      setMode(settings.serverUrl ? 'remote' : 'embedded');
      setUrl(settings.serverUrl ?? '');
      setStartOnLogin(settings.startOnLogin);
      setKiosk(settings.wallboard.kiosk);
      setDisplayId(settings.wallboard.displayId);
      setDisplays(screens);
    });
  }, [bridge]);

  if (!bridge || !saved) return <main className="login">Loading settings…</main>;

  const serverUrl = mode === 'remote' ? url.trim() : null;
  const needsRestart = serverUrl !== saved.serverUrl;

  async function runTest() {
    if (!bridge) return;
    setTest('testing');
    try {
      setTest(await bridge.testConnection(url.trim()));
    } catch (e) {
      setTest({ ok: false, error: messageOf(e) });
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!bridge) return;
    setError(null);
    setStatus(null);
    try {
      const next = await bridge.saveSettings({ serverUrl, startOnLogin, wallboard: { kiosk, displayId } });
      setSaved(next);
      if (needsRestart) await bridge.restart();
      else setStatus('Saved.');
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <main className="login">
      <form className="login-card settings-card" onSubmit={save} aria-labelledby="settings-title">
        <h1 id="settings-title">Settings</h1>
        <fieldset>
          <legend>Server</legend>
          <label className="inline">
            <input
              type="radio"
              name="server"
              checked={mode === 'embedded'}
              onChange={() => setMode('embedded')}
            />
            Built-in server with the demo workspace
          </label>
          <label className="inline">
            <input
              type="radio"
              name="server"
              checked={mode === 'remote'}
              onChange={() => setMode('remote')}
            />
            My organisation&apos;s server
          </label>
          {mode === 'remote' && (
            <>
              <label>
                Server URL
                <input
                  type="url"
                  placeholder="https://support.example.com"
                  value={url}
                  onChange={(e) => {
                    setUrl(e.target.value);
                    setTest(null);
                  }}
                  required
                />
              </label>
              <button
                type="button"
                className="ghost"
                onClick={runTest}
                disabled={!url.trim() || test === 'testing'}
              >
                {test === 'testing' ? 'Testing…' : 'Test connection'}
              </button>
              {test && test !== 'testing' && (
                <p role="status" className={test.ok ? 'ok' : 'error'}>
                  {test.ok ? `Connected: the server answered in ${test.ms} ms.` : test.error}
                </p>
              )}
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>Desktop</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={startOnLogin}
              onChange={(e) => setStartOnLogin(e.target.checked)}
            />
            Start Spark Console when I log in
          </label>
        </fieldset>
        <fieldset>
          <legend>Wallboard window</legend>
          <label>
            Display
            <select
              value={displayId ?? ''}
              onChange={(e) => setDisplayId(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">A secondary display if there is one</option>
              {displays.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                  {d.primary ? ' — primary' : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={kiosk} onChange={(e) => setKiosk(e.target.checked)} />
            Kiosk mode (for an unattended wall screen)
          </label>
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {status && <p role="status">{status}</p>}
        <button type="submit">{needsRestart ? 'Save and restart' : 'Save'}</button>
        <a href="/">Back to the console</a>
      </form>
    </main>
  );
}

/** IPC errors arrive as "Error invoking remote method '…': IpcRejected: …"; keep the part for people. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error invoking remote method '[^']+': (?:\w+: )?/, '');
}
