/**
 * Where the console window opens: where it was last closed, unless that place is
 * no longer on any screen (a monitor was unplugged, the resolution changed), in
 * which case it opens at its default size on the primary display.
 */
import type { Rectangle } from 'electron';
import type { SavedBounds } from './settings';

/** At least this much of the title bar must be on a screen to grab and move the window. */
const MIN_VISIBLE = 80;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function restoreBounds(
  saved: SavedBounds | null,
  workAreas: readonly Rectangle[],
  defaults: { width: number; height: number },
): { bounds: Rectangle | null; maximized: boolean } {
  if (saved) {
    // The title bar strip, which is what the user needs to reach.
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 32 };
    const area = workAreas.find((a) => {
      const o = overlap(titleBar, a);
      return o.width >= Math.min(MIN_VISIBLE, saved.width) && o.height > 0;
    });
    if (area) {
      return {
        bounds: {
          x: saved.x,
          y: saved.y,
          width: Math.min(saved.width, area.width),
          height: Math.min(saved.height, area.height),
        },
        maximized: saved.maximized,
      };
    }
  }
  const primary = workAreas[0];
  if (!primary) return { bounds: null, maximized: saved?.maximized ?? false };
  const width = Math.min(defaults.width, primary.width);
  const height = Math.min(defaults.height, primary.height);
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    },
    maximized: saved?.maximized ?? false,
  };
}

/** The display to put the wallboard on: the chosen one if still connected, else a secondary, else the primary. */
export function pickDisplay<D extends { id: number }>(
  displays: readonly D[],
  primaryId: number,
  chosenId: number | null,
): D | undefined {
  return (
    displays.find((d) => d.id === chosenId) ??
    displays.find((d) => d.id !== primaryId) ??
    displays.find((d) => d.id === primaryId) ??
    displays[0]
  );
}
