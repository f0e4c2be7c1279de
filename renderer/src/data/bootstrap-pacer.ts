/**
 * How often the screen follows a bootstrap: its progress every second, its tickets
 * less and less often.
 *
 * Each redraw of a bootstrap's tickets re-filters and re-counts every ticket loaded so
 * far. At one redraw a second, a bootstrap taking T seconds costs O(T²) in redraws: on a
 * slow network a minute, sixty redraws, most of them of nearly the whole workspace. The
 * wait before the next redraw doubles after each one instead (1 s, 2 s, 4 s, …), which
 * keeps all of them below twice the cost of the last (bench: full bootstrap, a 100k
 * bootstrap's UI thread). The count of rows loaded costs nothing to show, and shows
 * every second.
 */

/** What a pulled page brings to the screen. */
export type PageShown = 'redraw' | 'progress' | 'nothing';

export const PROGRESS_MS = 1_000;

export class BootstrapPacer {
  private shownAt = 0;
  private progressAt = 0;
  private redrawAfter = PROGRESS_MS;

  /** A page was applied at `now` (ms); `bootstrapping`: more pages of a bootstrap follow it. */
  page(now: number, bootstrapping: boolean): PageShown {
    if (!bootstrapping) {
      this.redrawAfter = PROGRESS_MS;
      return this.shown(now, 'redraw');
    }
    if (now - this.shownAt >= this.redrawAfter) {
      this.redrawAfter *= 2;
      return this.shown(now, 'redraw');
    }
    if (now - this.progressAt >= PROGRESS_MS) {
      this.progressAt = now;
      return 'progress';
    }
    return 'nothing';
  }

  /** A bootstrap starts (afresh, after a reset): its first redraw comes within a second again. */
  restart(now: number): void {
    this.shownAt = this.progressAt = now;
    this.redrawAfter = PROGRESS_MS;
  }

  private shown(now: number, what: PageShown): PageShown {
    this.shownAt = this.progressAt = now;
    return what;
  }
}
