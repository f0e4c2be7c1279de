/**
 * `inflateBody` (inflate.ts) run in a worker of its own, so that a bootstrap's pages are
 * inflated while the UI thread parses and applies the ones before: inflating was a
 * tenth of the UI thread's time in a 100k bootstrap (bench: full bootstrap, TRACE_JS=1),
 * while the machine's cores were a fifth idle. Without a worker (it cannot start, or
 * died) the bytes are inflated here, as before.
 *
 * The body is handed to a worker that has answered before, not copied, and comes back
 * with the answer; so do the segments copied out of it. Copying each page's compressed
 * bytes to the worker, and the segments out of them here, was ~0.3 s of a 100k
 * bootstrap's UI thread (bench: full bootstrap, TRACE_JS=1: `segment` and the
 * serialising of the request). A worker that has never answered may not be running
 * at all (its script failed to load): it is given a copy, which stays here if it fails.
 */
import { inflateBody, type InflateAnswer, type InflateRequest } from './inflate';
import { WorkerCalls, WorkerGone } from './worker-calls';

/** The worker died holding the body it was handed: the page is asked for again (the round fails). */
export class InflaterStopped extends Error {
  override name = 'InflaterStopped';
}

/** `inflateBody` through `inflater`'s worker when there is one; answers with the body as it was, or handed back. */
export function inflatingIn(inflater: WorkerCalls<InflateRequest, InflateAnswer>) {
  return async (request: InflateRequest): Promise<InflateAnswer> => {
    if (!inflater.available) return inflateBody(request);
    try {
      return await inflater.call(request, [], [request.body]);
    } catch (error) {
      if (!(error instanceof WorkerGone)) throw error;
      if (error.tookHandOver)
        throw new InflaterStopped('The inflater stopped while it held a page: the page is asked for again.');
      return inflateBody(request);
    }
  };
}

const inflater = new WorkerCalls<InflateRequest, InflateAnswer>(
  () => new Worker(new URL('./inflate.worker.ts', import.meta.url), { type: 'module' }),
  'inflater',
);

/** `inflateBody`, in the console's inflater worker when there is one. */
export const inflateOffThread = inflatingIn(inflater);

/** Starts the inflater's worker before the first page comes (WorkerCalls.warm). */
export const warmInflater = (): void => inflater.warm();
