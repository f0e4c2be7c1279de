import { useState, type FormEvent } from 'react';
import { ApiError, login, type Session } from '../data/api-client';

interface Props {
  onSignedIn: (session: Session) => void;
  /** Re-login after the session expired: the email is known and the outbox is waiting. */
  renewFor?: string;
}

export function LoginScreen({ onSignedIn, renewFor }: Props) {
  const [email, setEmail] = useState(renewFor ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(email, password));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Sign-in failed.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={renewFor ? 'login overlay' : 'login'}>
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">
          <span className="brand-mark" aria-hidden="true">
            ⚡
          </span>{' '}
          Spark Console
        </h1>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="hint">
          {renewFor
            ? 'Your session expired. Your unsent changes are kept and will sync once you sign in.'
            : 'Demo workspace: ava@spark.demo / spark-demo (more users in the README).'}
        </p>
      </form>
    </main>
  );
}
