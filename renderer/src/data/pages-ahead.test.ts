import { describe, expect, it } from 'vitest';
import { NEXT_CURSOR_HEADER } from '../../../core/sync';
import { ApiError } from './api-error';
import { PagesAhead } from './pages-ahead';
import type { PullPage } from './read-page';

/**
 * A feed of pages kept in memory (the pull's HTTP and reading are tested against the real
 * server in tests/integration and e2e): each ask and each read is logged in the order it
 * happens, and a read finishes only when the test lets it (`finish`).
 */
function feed(pages: Record<number, { cursor: number; hasMore: boolean; reset?: boolean; named?: number }>) {
  const log: string[] = [];
  const signals: AbortSignal[] = [];
  const reading = new Map<number, () => void>();
  const ask = (cursor: number, signal: AbortSignal) => {
    log.push(`ask ${cursor}`);
    signals.push(signal);
    const page = pages[cursor];
    if (!page) return Promise.reject(new ApiError(0, 'offline', 'The server cannot be reached.'));
    const headers: Record<string, string> = { 'x-at': String(cursor) };
    if (page.named !== undefined) headers[NEXT_CURSOR_HEADER] = String(page.named);
    return Promise.resolve(new Response(null, { headers }));
  };
  const read = (response: Response) => {
    const at = Number(response.headers.get('x-at'));
    const page = pages[at]!;
    return new Promise<PullPage>((resolve) =>
      reading.set(at, () => {
        log.push(`read ${at}`);
        resolve({ changes: [], cursor: page.cursor, hasMore: page.hasMore, reset: page.reset ?? false });
      }),
    );
  };
  /** Lets the read of the page after `cursor` finish, once it has begun. */
  const finish = async (cursor: number) => {
    for (let i = 0; i < 100 && !reading.has(cursor); i++) await Promise.resolve();
    reading.get(cursor)?.();
    await settle();
  };
  return { log, signals, ask, read, finish };
}

/** Lets every promise chain that can go on go on. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('PagesAhead: the pages of one pull, in order', () => {
  it('asks for the page after one that names nothing only once it is read, as a pull always did', async () => {
    const f = feed({ 0: { cursor: 5, hasMore: true }, 5: { cursor: 9, hasMore: false } });
    const pages = new PagesAhead({ ask: f.ask, read: f.read }, 0);
    const first = pages.take();
    await settle();
    expect(f.log).toEqual(['ask 0']);
    await f.finish(0);
    expect(await first).toMatchObject({ cursor: 5 });
    expect(f.log).toEqual(['ask 0', 'read 0', 'ask 5']);
    const second = pages.take();
    await f.finish(5);
    expect(await second).toMatchObject({ cursor: 9, hasMore: false });
    expect(f.log).toEqual(['ask 0', 'read 0', 'ask 5', 'read 5']);
  });

  it('asks for the next page as soon as one names it, before its body is read, at most `depth` ahead', async () => {
    const f = feed({
      0: { cursor: 10, hasMore: true, named: 10 },
      10: { cursor: 20, hasMore: true, named: 20 },
      20: { cursor: 30, hasMore: true, named: 30 },
      30: { cursor: 35, hasMore: false },
    });
    const pages = new PagesAhead({ ask: f.ask, read: f.read, depth: 2 }, 0);
    const first = pages.take();
    await settle();
    // Nothing is read yet; page 0 is taken, 10 and 20 are asked for ahead, 30 waits for a take.
    expect(f.log).toEqual(['ask 0', 'ask 10', 'ask 20']);
    await f.finish(0);
    expect(await first).toMatchObject({ cursor: 10 });
    // Pages further on are read as they come, before they are taken.
    await f.finish(10);
    expect(f.log).toEqual(['ask 0', 'ask 10', 'ask 20', 'read 0', 'read 10']);
    const second = pages.take();
    await settle();
    expect(f.log.at(-1)).toBe('ask 30');
    expect(await second).toMatchObject({ cursor: 20 });
    const third = pages.take();
    await f.finish(20);
    expect(await third).toMatchObject({ cursor: 30 });
    const last = pages.take();
    await f.finish(30);
    expect(await last).toMatchObject({ cursor: 35, hasMore: false });
    await expect(pages.take()).rejects.toThrow(/the pull had ended/);
  });

  it('fails a page that ends elsewhere than it named, so that the page asked for after it is never used', async () => {
    const f = feed({
      0: { cursor: 12, hasMore: true, named: 10 },
      10: { cursor: 20, hasMore: false },
    });
    const pages = new PagesAhead({ ask: f.ask, read: f.read }, 0);
    const first = pages.take();
    await f.finish(0);
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'bad_page' });
    expect((error as Error).message).toMatch(/named 10 .* ended at 12/);
  });

  it('fails a page that names a next one but says it is the last, or a reset', async () => {
    for (const page of [
      { cursor: 10, hasMore: false, named: 10 },
      { cursor: 10, hasMore: true, reset: true, named: 10 },
    ]) {
      const f = feed({ 0: page, 10: { cursor: 20, hasMore: false } });
      const pages = new PagesAhead({ ask: f.ask, read: f.read }, 0);
      const first = pages.take();
      await f.finish(0);
      await expect(first).rejects.toMatchObject({ code: 'bad_page' });
    }
  });

  it('asks for nothing after a reset or the last page', async () => {
    const f = feed({ 0: { cursor: 0, hasMore: true, reset: true }, 7: { cursor: 8, hasMore: false } });
    const pages = new PagesAhead({ ask: f.ask, read: f.read }, 0);
    const first = pages.take();
    await f.finish(0);
    expect(await first).toMatchObject({ reset: true });
    expect(f.log).toEqual(['ask 0', 'read 0']);
  });

  it('a request that fails rejects when its page is taken, and the pages before it are taken first', async () => {
    const f = feed({ 0: { cursor: 10, hasMore: true, named: 10 } }); // nothing answers at 10
    const pages = new PagesAhead({ ask: f.ask, read: f.read }, 0);
    const first = pages.take();
    await f.finish(0);
    expect(await first).toMatchObject({ cursor: 10 });
    await expect(pages.take()).rejects.toMatchObject({ code: 'offline' });
  });

  it('stop cancels the requests of pages asked for ahead and asks for nothing more', async () => {
    const f = feed({
      0: { cursor: 10, hasMore: true, named: 10 },
      10: { cursor: 20, hasMore: true, named: 20 },
      20: { cursor: 30, hasMore: true, named: 30 },
    });
    const pages = new PagesAhead({ ask: f.ask, read: f.read }, 0);
    void pages.take();
    await settle();
    pages.stop();
    expect(f.signals.every((s) => s.aborted)).toBe(true);
    void pages.take(); // the page waiting for room is not asked for any more
    await settle();
    expect(f.log).toEqual(['ask 0', 'ask 10', 'ask 20']);
  });
});
