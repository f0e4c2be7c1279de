/**
 * Calls into a dedicated worker, each answered by id, for work the console can
 * also do on the UI thread: inflating pulled pages (inflate-off-thread.ts) and
 * storing them (page-writer.ts). The worker starts on the first call. When it
 * cannot start, or dies, every call in flight and every later one rejects with
 * `WorkerGone`, and the caller does the work itself; an error the worker answers
 * with rejects as that error (same name and message), so a full disk stays a
 * full disk. The worker's side is `answerCalls` (worker-answers.ts).
 *
 * Comlink (the wallboard's worker) is not used here because a call into a worker
 * that died never settles there, and these callers must fall back instead.
 */

/** What the UI thread posts: the call's id beside its request. */
export interface WorkerCall<Q> {
  id: number;
  request: Q;
}

/** What the worker answers: the call's result, or its error as plain data (Errors do not clone with their name). */
export type WorkerAnswer<R> =
  { id: number; result: R } | { id: number; error: { name: string; message: string } };

/**
 * The worker could not start, died, or was disposed of: do the work here. `tookHandOver`:
 * the call's handed-over buffers went with it (see `call`), so the work cannot be done
 * here from them.
 */
export class WorkerGone extends Error {
  override name = 'WorkerGone';
  constructor(
    message: string,
    readonly tookHandOver = false,
  ) {
    super(message);
  }
}

/** The buffer `bytes` views, when they are all of it (so it can be transferred without taking more), else null. */
export const wholeBuffer = (bytes: Uint8Array): ArrayBuffer | null =>
  bytes.byteOffset === 0 &&
  bytes.buffer instanceof ArrayBuffer &&
  bytes.byteLength === bytes.buffer.byteLength
    ? bytes.buffer
    : null;

export class WorkerCalls<Q, R> {
  private worker: Worker | null = null;
  /** Set once the worker failed to start, died or was disposed of: no call reaches a worker again. */
  private gone = typeof Worker === 'undefined';
  private nextId = 1;
  /** Set on the worker's first answer: it runs, and can be handed buffers (transferred) rather than copies. */
  private hasAnswered = false;
  private readonly waiting = new Map<
    number,
    { resolve: (result: R) => void; reject: (e: Error) => void; handedOver: boolean }
  >();

  /**
   * @param open starts the worker; it must say `new Worker(new URL('./x.worker.ts', import.meta.url), …)`
   * itself, for the bundler to find the script.
   * @param what names the worker in errors.
   */
  constructor(
    private readonly open: () => Worker,
    private readonly what: string,
  ) {}

  /** Whether a call may reach a worker (false once it is gone). */
  get available(): boolean {
    return !this.gone;
  }

  /**
   * Whether the worker has answered a call. Until then it may not be running at all (its
   * script can fail to load after it was constructed), and a buffer handed to it would
   * be lost with it.
   */
  get answered(): boolean {
    return this.hasAnswered && !this.gone;
  }

  /**
   * Posts `request` (transferring `transfer`) and settles with the worker's answer, or
   * rejects with WorkerGone. The buffers of `handOver` are transferred too once the worker
   * has answered (`answered`), else copied with the request, so that the caller keeps them
   * if the worker turns out not to run; a WorkerGone after they were handed over says so
   * (`tookHandOver`). Each array must be the whole of its buffer to be handed over.
   */
  call(
    request: Q,
    transfer: Transferable[] = [],
    handOver: readonly (Uint8Array | undefined)[] = [],
  ): Promise<R> {
    const worker = this.start();
    if (!worker) return Promise.reject(new WorkerGone(`The ${this.what} is not running.`));
    const message: WorkerCall<Q> = { id: this.nextId++, request };
    const handed = this.answered ? handOver.flatMap((a) => (a && wholeBuffer(a)) ?? []) : [];
    return new Promise<R>((resolve, reject) => {
      // Posted first: a request that cannot be cloned rejects here and leaves no waiter behind.
      worker.postMessage(message, [...transfer, ...handed]);
      this.waiting.set(message.id, { resolve, reject, handedOver: handed.length > 0 });
    });
  }

  /**
   * Starts the worker ahead of its first call, so that loading its script overlaps
   * whatever comes before (a fresh console's first render): started by the first page
   * of a bootstrap, the inflater held that page 0.1–0.2 s (bench: full bootstrap, TRACE_TASKS=1).
   */
  warm(): void {
    this.start();
  }

  /** Stops the worker; calls in flight reject with `reason` (its work may or may not have been done). */
  dispose(reason: Error): void {
    this.gone = true;
    this.worker?.terminate();
    this.worker = null;
    this.failAll(reason);
  }

  private start(): Worker | null {
    if (this.gone) return null;
    if (this.worker) return this.worker;
    try {
      const worker = this.open();
      worker.onmessage = (event: MessageEvent<WorkerAnswer<R>>) => {
        const answer = event.data;
        this.hasAnswered = true;
        const waiter = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        if ('result' in answer) waiter?.resolve(answer.result);
        else waiter?.reject(Object.assign(new Error(answer.error.message), { name: answer.error.name }));
      };
      // The script failed to load, or threw outside a call: the work is done here from now on.
      worker.onerror = (event) => {
        event.preventDefault();
        this.dispose(new WorkerGone(event.message || `The ${this.what} stopped.`));
      };
      this.worker = worker;
      return worker;
    } catch {
      this.gone = true;
      return null;
    }
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values())
      waiter.reject(
        error instanceof WorkerGone && waiter.handedOver ? new WorkerGone(error.message, true) : error,
      );
    this.waiting.clear();
  }
}
