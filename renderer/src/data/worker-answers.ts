/**
 * The worker's side of worker-calls.ts: answers each `{ id, request }` with
 * `{ id, result }` or `{ id, error: { name, message } }`.
 */
import type { WorkerAnswer, WorkerCall } from './worker-calls';

export interface AnswerOptions<R> {
  /** What of a result to transfer back rather than copy. */
  transfer?: (result: R) => Transferable[];
  /** Handle one call at a time, in the order they came (otherwise each is answered as it finishes). */
  inOrder?: boolean;
}

export function answerCalls<Q, R>(
  handle: (request: Q) => Promise<R> | R,
  options: AnswerOptions<R> = {},
): void {
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async ({ id, request }: WorkerCall<Q>): Promise<void> => {
    let reply: WorkerAnswer<R>;
    try {
      const result = await handle(request);
      reply = { id, result };
      self.postMessage(reply, { transfer: options.transfer?.(result) ?? [] });
      return;
    } catch (error) {
      const e = error as { name?: unknown; message?: unknown };
      const name = typeof e?.name === 'string' ? e.name : 'Error';
      const message = typeof e?.message === 'string' ? e.message : String(error);
      reply = { id, error: { name, message } };
    }
    self.postMessage(reply);
  };
  self.onmessage = (event: MessageEvent<WorkerCall<Q>>) => {
    if (options.inOrder) queue = queue.then(() => answer(event.data));
    else void answer(event.data);
  };
}
