/**
 * `inflate` (inflate.ts) run in a worker of its own, so that a bootstrap's pages are
 * inflated while the UI thread parses and applies the ones before: inflating was a
 * tenth of the UI thread's time in a 100k bootstrap (bench: full bootstrap, TRACE_JS=1),
 * while the machine's cores were a fifth idle. Without a worker (it cannot start, or
 * died) the bytes are inflated here, as before.
 */
import { inflate } from './inflate';

export interface InflateRequest {
  id: number;
  parts: readonly Uint8Array<ArrayBuffer>[];
  format: CompressionFormat;
  size: number | null;
}

export type InflateReply = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; error: string };

let worker: Worker | null = null;
/** Set once the worker failed to start or died: everything is inflated here from then on. */
let gone = typeof Worker === 'undefined';
let nextId = 1;
const waiting = new Map<
  number,
  { resolve: (b: Uint8Array<ArrayBuffer>) => void; reject: (e: Error) => void }
>();

/** `inflate`, in the worker when there is one. The parts are copied to it, not transferred: callers keep them. */
export async function inflateOffThread(
  parts: readonly Uint8Array<ArrayBuffer>[],
  format: CompressionFormat,
  size: number | null,
): Promise<Uint8Array<ArrayBuffer>> {
  const w = start();
  if (!w) return inflate(parts, format, size);
  const request: InflateRequest = { id: nextId++, parts, format, size };
  try {
    return await new Promise((resolve, reject) => {
      waiting.set(request.id, { resolve, reject });
      w.postMessage(request);
    });
  } catch (error) {
    // The worker went away with the request: inflated here instead. A stream that is not
    // valid `format` rejects with the worker's own error.
    if (error instanceof WorkerGone) return inflate(parts, format, size);
    throw error;
  }
}

class WorkerGone extends Error {}

function start(): Worker | null {
  if (gone) return null;
  if (worker) return worker;
  try {
    const w = new Worker(new URL('./inflate.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<InflateReply>) => {
      const reply = event.data;
      const waiter = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('bytes' in reply) waiter?.resolve(reply.bytes);
      else waiter?.reject(new Error(reply.error));
    };
    w.onerror = (event) => {
      event.preventDefault();
      gone = true;
      w.terminate();
      worker = null;
      for (const waiter of waiting.values()) waiter.reject(new WorkerGone(event.message));
      waiting.clear();
    };
    worker = w;
    return w;
  } catch {
    gone = true;
    return null;
  }
}
