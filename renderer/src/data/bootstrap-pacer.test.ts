import { describe, expect, it } from 'vitest';
import { BootstrapPacer, PROGRESS_MS, type PageShown } from './bootstrap-pacer';

/** What a bootstrap of pages every `every` ms for `seconds` shows, and when it redraws. */
function run(seconds: number, every: number) {
  const pacer = new BootstrapPacer();
  const shown: Record<PageShown, number> = { redraw: 0, progress: 0, nothing: 0 };
  const redrawsAt: number[] = [];
  const start = 5_000; // a console opened a while ago
  for (let t = start; t < start + seconds * 1000; t += every) {
    const what = pacer.page(t, true);
    shown[what] += 1;
    if (what === 'redraw') redrawsAt.push(t - start);
  }
  return { shown, redrawsAt, last: pacer.page(start + seconds * 1000, false) };
}

describe('BootstrapPacer', () => {
  it('redraws on the first page, then after waits that double, and always on the last page', () => {
    const { redrawsAt, last } = run(10, 100);
    expect(redrawsAt).toEqual([0, 2_000, 6_000]);
    expect(last).toBe('redraw');
  });

  it('shows progress every second between redraws, and nothing in between', () => {
    const { shown } = run(10, 100);
    expect(shown.redraw + shown.progress).toBe(10); // once a second, one way or the other
    expect(shown.nothing).toBe(90);
  });

  it('keeps the redraws of a slow bootstrap logarithmic, not one a second', () => {
    const { shown } = run(120, 250);
    expect(shown.redraw).toBe(6); // at 0, 2, 6, 14, 30 and 62 s; the next would be at 126 s
    expect(shown.redraw + shown.progress).toBe(120);
  });

  it('redraws every page outside a bootstrap, and starts afresh after a reset', () => {
    const pacer = new BootstrapPacer();
    expect(pacer.page(10_000, false)).toBe('redraw');
    expect(pacer.page(10_001, false)).toBe('redraw');
    pacer.page(10_002, true);
    pacer.page(12_500, true); // a redraw: the next one waits 4 s
    pacer.restart(13_000);
    expect(pacer.page(13_500, true)).toBe('nothing');
    expect(pacer.page(14_000, true)).toBe('redraw'); // within a second of the restart, as at first
    expect(PROGRESS_MS).toBe(1_000);
  });
});
