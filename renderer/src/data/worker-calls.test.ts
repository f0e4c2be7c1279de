/**
 * WorkerCalls (the UI thread's side) against answerCalls (the worker's side), over a
 * stand-in worker (test-worker.ts). The real workers, and the console falling back when
 * they fail to load, are run in Chromium by the e2e local-store spec.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChannelWorker, channelWorker as setUp, closeChannelWorkers } from './test-worker';
import { WorkerCalls, WorkerGone } from './worker-calls';

afterEach(closeChannelWorkers);

describe('WorkerCalls with answerCalls', () => {
  it('starts the worker on the first call, once, and settles each call with its own answer', async () => {
    let release: (() => void) | null = null;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { calls, started } = setUp(async (n: number) => {
      if (n === 1) await slow; // the first call finishes last
      return n * 10;
    });
    expect(started).toHaveLength(0);
    const first = calls.call(1);
    const second = calls.call(2);
    expect(await second).toBe(20);
    release!();
    expect(await first).toBe(10);
    expect(started).toHaveLength(1);
  });

  it('answers in the order asked when inOrder is set', async () => {
    const done: number[] = [];
    const { calls } = setUp(
      async (ms: number) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        done.push(ms);
      },
      { inOrder: true },
    );
    await Promise.all([calls.call(30), calls.call(1), calls.call(10)]);
    expect(done).toEqual([30, 1, 10]);
  });

  it("rejects with the worker's error, name and message kept, and keeps working", async () => {
    const { calls } = setUp((n: number) => {
      if (n < 0) throw Object.assign(new Error('The disk is full.'), { name: 'QuotaExceededError' });
      return n;
    });
    const failed = await calls.call(-1).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(WorkerGone);
    expect((failed as Error).name).toBe('QuotaExceededError');
    expect((failed as Error).message).toBe('The disk is full.');
    expect(await calls.call(3)).toBe(3);
    expect(calls.available).toBe(true);
  });

  it('transfers what each side names and copies the rest', async () => {
    const { calls } = setUp((size: number) => new Uint8Array(size).fill(7), {
      transfer: (bytes) => [bytes.buffer],
    });
    expect([...(await calls.call(4))]).toEqual([7, 7, 7, 7]);

    const sizes = setUp((buffer: ArrayBuffer) => buffer.byteLength).calls;
    const copied = new ArrayBuffer(16);
    const moved = new ArrayBuffer(16);
    expect(await sizes.call(copied)).toBe(16);
    expect(await sizes.call(moved, [moved])).toBe(16);
    expect(copied.byteLength).toBe(16);
    expect(moved.byteLength).toBe(0); // detached here once posted
  });

  it('rejects a request that cannot be cloned with the clone error, and keeps working', async () => {
    const { calls } = setUp((request: unknown) => typeof request);
    const failed = await calls.call((() => undefined) as unknown).catch((e: unknown) => e);
    expect((failed as Error).name).toBe('DataCloneError');
    expect(await calls.call('text')).toBe('string');
    expect(calls.available).toBe(true);
  });

  it('rejects every call in flight and every later one with WorkerGone once the worker dies', async () => {
    const { calls, started } = setUp(() => new Promise<number>(() => undefined)); // never answers
    const inFlight = [calls.call(1), calls.call(2)];
    started[0]!.crash('Uncaught SyntaxError');
    for (const call of inFlight) await expect(call).rejects.toBeInstanceOf(WorkerGone);
    await expect(inFlight[0]).rejects.toThrow('Uncaught SyntaxError');
    expect(started[0]!.terminated).toBe(true);
    expect(calls.available).toBe(false);
    await expect(calls.call(3)).rejects.toBeInstanceOf(WorkerGone);
    expect(started).toHaveLength(1); // not started again
  });

  it('rejects with WorkerGone when the worker cannot be constructed', async () => {
    vi.stubGlobal('Worker', ChannelWorker);
    const calls = new WorkerCalls<number, number>(() => {
      throw new DOMException('blocked by the content security policy', 'SecurityError');
    }, 'test worker');
    expect(calls.available).toBe(true);
    await expect(calls.call(1)).rejects.toBeInstanceOf(WorkerGone);
    expect(calls.available).toBe(false);
  });

  it('is unavailable where there are no workers at all', async () => {
    vi.stubGlobal('Worker', undefined);
    const open = vi.fn();
    const calls = new WorkerCalls<number, number>(open, 'test worker');
    expect(calls.available).toBe(false);
    await expect(calls.call(1)).rejects.toBeInstanceOf(WorkerGone);
    expect(open).not.toHaveBeenCalled();
  });

  it('rejects calls in flight with the reason when disposed of, and stops the worker', async () => {
    const { calls, started } = setUp(() => new Promise<number>(() => undefined));
    const inFlight = calls.call(1);
    calls.dispose(new Error('The local store was closed.'));
    await expect(inFlight).rejects.toThrow('The local store was closed.');
    expect(started[0]!.terminated).toBe(true);
    expect(calls.available).toBe(false);
  });

  it('says it has answered only once the worker answered a call, and no longer once it is gone', async () => {
    const { calls, started } = setUp((n: number) => n + 1);
    expect(calls.answered).toBe(false);
    const first = calls.call(1);
    expect(calls.answered).toBe(false); // posted, not answered: the script may yet fail to load
    expect(await first).toBe(2);
    expect(calls.answered).toBe(true);
    started[0]!.crash('Uncaught RangeError');
    expect(calls.answered).toBe(false);
  });

  it('warm starts the worker without a call, and the first call then uses that worker', async () => {
    const { calls, started } = setUp((n: number) => n * 2);
    calls.warm();
    expect(started).toHaveLength(1);
    expect(started[0]!.posted).toHaveLength(0);
    expect(await calls.call(4)).toBe(8);
    expect(started).toHaveLength(1);
  });

  it('hands buffers over only once the worker has answered, and says when they went with it', async () => {
    const { calls, started } = setUp((request: Uint8Array | number) =>
      typeof request === 'number' ? request : new Promise<number>(() => undefined),
    );
    const first = new Uint8Array([1, 2, 3]);
    const copied = calls.call(first, [], [first]);
    expect(first.byteLength).toBe(3); // not answered yet: copied
    expect(await calls.call(7)).toBe(7);
    const second = new Uint8Array([4, 5, 6]);
    const view = new Uint8Array(8).subarray(2, 5); // not the whole of its buffer: copied
    const handed = calls.call(second, [], [second, view, undefined]);
    expect(second.byteLength).toBe(0);
    expect(view.byteLength).toBe(3);
    const kept = calls.call(9);
    started[0]!.crash('Uncaught RangeError');
    await expect(handed).rejects.toMatchObject({ name: 'WorkerGone', tookHandOver: true });
    await expect(kept).rejects.toMatchObject({ name: 'WorkerGone', tookHandOver: false });
    await expect(copied).rejects.toMatchObject({ name: 'WorkerGone', tookHandOver: false });
  });
});
