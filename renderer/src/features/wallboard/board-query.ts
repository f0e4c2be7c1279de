/**
 * The wallboard's address: what a wall screen's browser or the desktop app's
 * wallboard window opens, e.g. `/wallboard?tv=1&squad=sq-payments&window=30d`.
 * Bad or unknown values fall back to the defaults rather than failing: a wall
 * screen has nobody at it to read an error.
 *
 * - `tv=1`: full-screen TV mode, rotating pages, no interaction needed;
 * - `squad=<id>`: one squad's tickets and its agents' contacts (default: all);
 * - `window=7d|30d|90d`: the report window (default 7d);
 * - `rotate=<seconds>`: TV page interval, 5–300 (default 20);
 * - `page=<1…>`: the TV page to start on.
 */
export const WINDOWS = [7, 30, 90] as const;
export type WindowDays = (typeof WINDOWS)[number];

export interface BoardParams {
  tv: boolean;
  squadId: string | null;
  windowDays: WindowDays;
  rotateSeconds: number;
  startPage: number;
}

export const DEFAULT_ROTATE_SECONDS = 20;

export function parseBoardParams(search: string): BoardParams {
  const p = new URLSearchParams(search);
  const days = Number(/^(\d+)d?$/.exec(p.get('window') ?? '')?.[1]);
  const rotate = Number(p.get('rotate'));
  const page = Number(p.get('page'));
  const squad = p.get('squad')?.trim();
  return {
    tv: p.get('tv') === '1' || p.get('tv') === 'true',
    squadId: squad ? squad : null,
    windowDays: (WINDOWS as readonly number[]).includes(days) ? (days as WindowDays) : 7,
    rotateSeconds:
      Number.isFinite(rotate) && rotate >= 5 && rotate <= 300 ? Math.round(rotate) : DEFAULT_ROTATE_SECONDS,
    startPage: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

/** The query string for the given params, defaults left out, so links stay short. */
export function boardSearch(params: BoardParams): string {
  const p = new URLSearchParams();
  if (params.tv) p.set('tv', '1');
  if (params.squadId) p.set('squad', params.squadId);
  if (params.windowDays !== 7) p.set('window', `${params.windowDays}d`);
  if (params.rotateSeconds !== DEFAULT_ROTATE_SECONDS) p.set('rotate', String(params.rotateSeconds));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * Whether the app was opened as the wallboard: `/wallboard` in web mode, or
 * `?view=wallboard` where the path is a file (the desktop app loads index.html).
 */
export function isWallboardLocation(location: Pick<Location, 'pathname' | 'search'>): boolean {
  return (
    /\/wallboard\/?$/.test(location.pathname) ||
    new URLSearchParams(location.search).get('view') === 'wallboard'
  );
}
