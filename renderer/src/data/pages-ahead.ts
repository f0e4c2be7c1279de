/**
 * The pages of one pull, taken in feed order, asked for ahead when the server allows.
 *
 * Reading a page is four steps: asking, downloading, inflating (in the inflater's
 * worker) and parsing (on the UI thread). When the next page was asked for only once
 * this one was parsed, each step of a 100k bootstrap waited on the one before: the UI
 * thread sat idle while a page downloaded and inflated, and the inflater while the UI
 * thread parsed (bench: full bootstrap, TRACE=1). A page that names where it ends before
 * its body (NEXT_CURSOR_HEADER: bootstrap snapshot pages) lets the next one be asked for
 * at once, so it downloads and inflates while this one is parsed and applied. At most
 * `depth` pages are asked for beyond the one last taken. A page that names nothing is
 * followed as before: the next is asked for once it is read.
 */
import { NEXT_CURSOR_HEADER, parseNextCursor } from '../../../core/sync';
import { ApiError } from './api-error';
import type { PullPage } from './read-page';

export interface PagesAheadDeps {
  /** Asks for the page after `cursor`; answers the response before its body is read. */
  ask: (cursor: number, signal: AbortSignal) => Promise<Response>;
  /** Reads a page from its response (read-page.ts). */
  read: (response: Response) => Promise<PullPage>;
  /** How many pages may be asked for beyond the one last taken (2 unless said). */
  depth?: number;
}

export class PagesAhead {
  private readonly asked: Promise<PullPage>[] = [];
  /** A next cursor named while `depth` pages were asked for already: asked for at the next take. */
  private deferred: number | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: PagesAheadDeps,
    first: number,
  ) {
    this.askFor(first);
  }

  /**
   * The next page in order (it rejects as its request or its reading fails). After a page
   * that has no more, or says reset, nothing more is asked for: take no further page.
   */
  take(): Promise<PullPage> {
    const page = this.asked.shift();
    if (this.deferred !== null) {
      const cursor = this.deferred;
      this.deferred = null;
      this.askFor(cursor);
    }
    return page ?? Promise.reject(new Error('No page was asked for: the pull had ended.'));
  }

  /** Asks for nothing more, and cancels the requests of pages asked for and not taken. */
  stop(): void {
    this.abort.abort();
  }

  private askFor(cursor: number): void {
    if (this.abort.signal.aborted) return;
    const page = this.readAfter(cursor);
    page.catch(() => undefined); // taken and awaited in order, or dropped when the pull stops first
    this.asked.push(page);
  }

  private async readAfter(cursor: number): Promise<PullPage> {
    const response = await this.deps.ask(cursor, this.abort.signal);
    const named = parseNextCursor(response.headers.get(NEXT_CURSOR_HEADER));
    if (named !== null) this.ahead(named);
    const page = await this.deps.read(response);
    if (named === null) {
      if (page.hasMore && !page.reset) this.ahead(page.cursor);
    } else if (page.reset || !page.hasMore || page.cursor !== named) {
      // The page after it was asked for from the wrong place: nothing of either is applied.
      throw new ApiError(
        502,
        'bad_page',
        `The server named ${named} as the next page's cursor, but its page ended at ${page.cursor}` +
          `${page.hasMore ? '' : ' with nothing after it'}.`,
      );
    }
    return page;
  }

  private ahead(cursor: number): void {
    if (this.asked.length < (this.deps.depth ?? 2)) this.askFor(cursor);
    else this.deferred = cursor;
  }
}
