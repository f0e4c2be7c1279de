/** Settings' "Test connection": does a Spark Console server answer at this URL? */
import type { ConnectionTest } from '../preload/api';

export async function testConnection(
  baseUrl: string,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
  timeoutMs = 5000,
): Promise<ConnectionTest> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      error: timedOut
        ? `No answer within ${timeoutMs / 1000} s.`
        : `Cannot reach ${baseUrl} (${String(error)}).`,
    };
  }
  const body = (await response.json().catch(() => null)) as { ok?: unknown } | null;
  if (!response.ok) return { ok: false, error: `The server answered HTTP ${response.status}.` };
  if (body?.ok !== true)
    return { ok: false, error: 'Something answered, but it is not a Spark Console server.' };
  return { ok: true, ms: Math.round(performance.now() - started) };
}
