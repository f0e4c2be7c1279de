/**
 * The console's recent errors (uncaught errors and unhandled rejections), kept
 * in memory for "attach console diagnostics". Installed once, when the
 * telemetry feature is first loaded; a bounded ring, so it never grows.
 */
const LIMIT = 50;
const errors: { at: number; message: string }[] = [];
let installed = false;

function record(message: string): void {
  errors.push({ at: Date.now(), message: message.slice(0, 2_000) });
  if (errors.length > LIMIT) errors.splice(0, errors.length - LIMIT);
}

export function installErrorRecorder(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('error', (e) =>
    record(`${e.message}${e.filename ? ` at ${e.filename}:${e.lineno}` : ''}`),
  );
  window.addEventListener('unhandledrejection', (e) => {
    const reason: unknown = e.reason;
    record(
      `Unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`,
    );
  });
}

export const recentErrors = (): readonly { at: number; message: string }[] => errors.slice();
