import type { Tile } from '../../../../core/metrics';

/** A tile's value as read across a room: "8m 12s", "82 %", "4.45", "1,204"; an em dash for no data. */
export function formatTile(tile: Pick<Tile, 'value' | 'unit'>): string {
  const v = tile.value;
  if (v === null || Number.isNaN(v)) return '—';
  switch (tile.unit) {
    case 'share':
      return `${Math.round(v * 1000) / 10} %`;
    case 'score':
      return v.toFixed(2);
    case 'count':
      return Math.round(v).toLocaleString('en');
    case 'ms': {
      const minutes = Math.floor(v / 60_000);
      if (minutes >= 120) return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
      return `${minutes}m ${String(Math.round((v % 60_000) / 1000)).padStart(2, '0')}s`;
    }
  }
}
