/**
 * The weekly summary's numbers as CSV, for a spreadsheet: every tile (raw
 * value in its unit, as shown, target, rating) and the daily trend. Raw values
 * are in plain units (minutes, percent, score) so a spreadsheet can chart them.
 * Cells are quoted when needed (RFC 4180), and a leading = + - @ is escaped so
 * a root cause typed by an agent cannot become a formula in a spreadsheet.
 */
import type { BoardModel, TrendPoint } from '../../../../core/metrics/board';
import type { Tile } from '../../../../core/metrics';
import { formatTile } from './format-tile';

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The board's days are UTC days: name them in UTC whatever the screen's time zone. */
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

const row = (cells: (string | number | null)[]) => cells.map(csvCell).join(',');

function plain(tile: Tile): { value: number | null; unit: string } {
  if (tile.value === null) return { value: null, unit: '' };
  switch (tile.unit) {
    case 'ms':
      return { value: tile.value / 60_000, unit: 'min' };
    case 'share':
      return { value: tile.value * 100, unit: '%' };
    default:
      return { value: tile.value, unit: tile.unit === 'score' ? '1-5' : 'count' };
  }
}

const pct = (v: number | null) => (v === null ? null : v * 100);
const min = (v: number | null) => (v === null ? null : v / 60_000);

export function summaryCsv(board: BoardModel, squadName: string): string {
  const { window } = board;
  const lines = [
    row(['Spark Drive support summary']),
    row(['squad', squadName]),
    row(['window', `${utcDay(window.from)} to ${utcDay(window.to - 1)} (UTC days)`]),
    row(['computed at', new Date(board.query.now).toISOString()]),
    '',
    row(['kpi', 'value', 'unit', 'shown', 'target', 'rating', 'detail']),
    ...board.tiles.map((t) => {
      const p = plain(t);
      return row([t.label, p.value, p.unit, formatTile(t), t.target, t.rating ?? '', t.detail ?? '']);
    }),
    '',
    row([
      'day',
      'created',
      'resolved',
      'backlog at end',
      'AHT chat (min)',
      'AHT phone (min)',
      'FCR %',
      'SLA %',
      'CSAT',
    ]),
    ...board.trend.map((p: TrendPoint) =>
      row([
        utcDay(p.at),
        p.created,
        p.resolved,
        p.backlog,
        min(p.ahtChatMs),
        min(p.ahtPhoneMs),
        pct(p.fcr),
        pct(p.sla),
        p.csat,
      ]),
    ),
    '',
    row(['root cause', 'resolved tickets', 'share %']),
    ...board.rootCauses.map((r) => row([r.rootCause, r.count, r.share * 100])),
  ];
  return lines.join('\r\n') + '\r\n';
}
