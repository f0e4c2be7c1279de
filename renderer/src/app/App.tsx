import { useState } from 'react';
import type { Session } from '../data/api-client';
import { Console } from './Console';
import { LoginScreen } from './LoginScreen';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  if (!session) return <LoginScreen onSignedIn={setSession} />;
  return <Console session={session} onSignOut={() => setSession(null)} />;
}
