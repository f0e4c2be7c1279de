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
      // Round to whole seconds first, so 46 min 59.6 s reads "47m 00s", not "46m 60s".
      const seconds = Math.round(v / 1000);
      const minutes = Math.floor(seconds / 60);
      if (minutes >= 120) return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
      return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
    }
  }
}
