/**
 * The inflater's calls (inflate-off-thread.ts) over a stand-in worker (test-worker.ts)
 * running the real `inflateBody`: what is handed over and what is copied, and what
 * happens to a page when the worker dies with it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { answerBuffers, inflateBody, type InflateAnswer, type InflateRequest } from './inflate';
import { inflatingIn, InflaterStopped } from './inflate-off-thread';
import { channelWorker, closeChannelWorkers } from './test-worker';

afterEach(closeChannelWorkers);

const text = '{"changes":[' + '{"kind":"ticket","id":"t1"},'.repeat(2_000) + '{}]}';
const gzipped = async () =>
  new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
  );
const decode = (answer: InflateAnswer) => ('bytes' in answer ? new TextDecoder().decode(answer.bytes) : null);

describe('inflateOffThread', () => {
  it('copies the body to a worker that has not answered yet, and hands it over once it has', async () => {
    const { calls } = channelWorker(inflateBody, { transfer: answerBuffers });
    const inflate = inflatingIn(calls);
    const first: InflateRequest = { body: await gzipped(), format: 'gzip', size: null };
    const length = first.body.length;
    expect(decode(await inflate(first))).toBe(text);
    expect(first.body.length).toBe(length); // copied: still here
    const second: InflateRequest = {
      body: await gzipped(),
      format: 'gzip',
      size: null,
      copies: [{ from: 2, to: 9 }],
    };
    const expected = second.body.slice(2, 9);
    const answer = await inflate(second);
    expect(second.body.byteLength).toBe(0); // handed over…
    expect(answer.body.length).toBe(length); // …and handed back with the answer
    expect(decode(answer)).toBe(text);
    // A segment comes back as a buffer of its own, not a view that keeps the body alive.
    expect(answer.copies[0]).toEqual(expected);
    expect(answer.copies[0]!.buffer.byteLength).toBe(7);
  });

  it('answers a stream that does not inflate with why, and with the body', async () => {
    const { calls } = channelWorker(inflateBody, { transfer: answerBuffers });
    const inflate = inflatingIn(calls);
    await inflate({ body: await gzipped(), format: 'gzip', size: null });
    const bad = new TextEncoder().encode('not gzip at all');
    const answer = await inflate({ body: bad.slice(), format: 'gzip', size: null });
    expect('failed' in answer && answer.failed.length > 0).toBe(true);
    expect(answer.body).toEqual(bad);
  });

  it('inflates here when the worker dies holding a copy, and fails the page when it held the body', async () => {
    const { calls, started } = channelWorker(
      (_: InflateRequest) => new Promise<InflateAnswer>(() => undefined),
    );
    const inflate = inflatingIn(calls);
    // Not answered yet: the worker was given a copy, so the page is inflated here.
    const copied = inflate({ body: await gzipped(), format: 'gzip', size: null });
    started[0]!.crash('Uncaught RangeError');
    expect(decode(await copied)).toBe(text);

    // Answered once: the next body is handed over, and goes down with the worker.
    let calls2 = 0;
    const { calls: proven, started: again } = channelWorker(
      (request: InflateRequest) =>
        calls2++ === 0 ? inflateBody(request) : new Promise<InflateAnswer>(() => undefined),
      { transfer: answerBuffers },
    );
    const inflate2 = inflatingIn(proven);
    await inflate2({ body: await gzipped(), format: 'gzip', size: null });
    const handed = inflate2({ body: await gzipped(), format: 'gzip', size: null });
    again[0]!.crash('Uncaught RangeError');
    await expect(handed).rejects.toBeInstanceOf(InflaterStopped);
  });
});
