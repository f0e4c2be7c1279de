/**
 * `inflate` (inflate.ts) run in a worker of its own, so that a bootstrap's pages are
 * inflated while the UI thread parses and applies the ones before: inflating was a
 * tenth of the UI thread's time in a 100k bootstrap (bench: full bootstrap, TRACE_JS=1),
 * while the machine's cores were a fifth idle. Without a worker (it cannot start, or
 * died) the bytes are inflated here, as before.
 */
import { inflate } from './inflate';
import { WorkerCalls, WorkerGone } from './worker-calls';

export interface InflateRequest {
  parts: readonly Uint8Array<ArrayBuffer>[];
  format: CompressionFormat;
  size: number | null;
}

const inflater = new WorkerCalls<InflateRequest, Uint8Array<ArrayBuffer>>(
  () => new Worker(new URL('./inflate.worker.ts', import.meta.url), { type: 'module' }),
  'inflater',
);

/** `inflate`, in the worker when there is one. The parts are copied to it, not transferred: callers keep them. */
export async function inflateOffThread(
  parts: readonly Uint8Array<ArrayBuffer>[],
  format: CompressionFormat,
  size: number | null,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!inflater.available) return inflate(parts, format, size);
  try {
    return await inflater.call({ parts, format, size });
  } catch (error) {
    // The worker went away with the request: inflated here instead. A stream that is not
    // valid `format` rejects with the worker's own error.
    if (error instanceof WorkerGone) return inflate(parts, format, size);
    throw error;
  }
}
