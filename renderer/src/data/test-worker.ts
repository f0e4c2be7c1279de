/**
 * A stand-in for a dedicated worker in unit tests (Node has no Web Worker): a real
 * MessageChannel (Node's, with real structured cloning and transfer) with the worker's
 * side (answerCalls) in this process, and a `crash` that fires `onerror` the way a
 * worker whose script failed, or threw, does. The real workers run in Chromium in the
 * e2e local-store spec.
 */
import { vi } from 'vitest';
import { answerCalls, type AnswerOptions } from './worker-answers';
import { WorkerCalls } from './worker-calls';

export class ChannelWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  terminated = false;
  readonly posted: unknown[] = [];
  constructor(private readonly port: MessagePort) {
    port.onmessage = (event) => this.onmessage?.({ data: event.data });
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.posted.push(message);
    this.port.postMessage(message, transfer);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined });
  }
}

const ports: MessagePort[] = [];

/** A worker running `handle` through answerCalls, and the WorkerCalls that starts it. */
export function channelWorker<Q, R>(handle: (request: Q) => Promise<R> | R, options?: AnswerOptions<R>) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  vi.stubGlobal('Worker', ChannelWorker);
  vi.stubGlobal('self', {
    postMessage: (message: unknown, opts?: { transfer?: Transferable[] }) =>
      port2.postMessage(message, opts?.transfer ?? []),
    set onmessage(listener: (event: { data: unknown }) => void) {
      port2.onmessage = (event) => listener({ data: event.data });
    },
  });
  answerCalls(handle, options);
  const started: ChannelWorker[] = [];
  const calls = new WorkerCalls<Q, R>(() => {
    const worker = new ChannelWorker(port1);
    started.push(worker);
    return worker as unknown as Worker;
  }, 'test worker');
  return { calls, started };
}

/** Closes the channels and puts the globals back: call after each test. */
export function closeChannelWorkers(): void {
  for (const port of ports.splice(0)) port.close();
  vi.unstubAllGlobals();
}
