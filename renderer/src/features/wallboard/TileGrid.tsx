import type { Tile } from '../../../../core/metrics';
import { formatTile } from './format-tile';

/** The KPI tiles, coloured against their targets; the definition shows on hover and keyboard focus. */
export function TileGrid({ tiles }: { tiles: readonly Tile[] }) {
  return (
    <ul className="tiles" aria-label="Key figures">
      {tiles.map((tile) => {
        const rating = tile.rating
          ? { good: 'on target', warn: 'near target', bad: 'off target' }[tile.rating]
          : '';
        return (
          <li
            key={tile.id}
            className={`tile tile-${tile.rating ?? 'none'}`}
            data-tile={tile.id}
            data-rating={tile.rating ?? 'none'}
            tabIndex={0}
            title={`${tile.definition} Target: ${tile.target}.`}
            aria-label={`${tile.label}: ${formatTile(tile)}${rating ? `, ${rating}` : ''}. Target ${tile.target}. ${tile.definition}`}
          >
            <span className="tile-label">{tile.label}</span>
            <span className="tile-value">{formatTile(tile)}</span>
            <span className="tile-target">
              {tile.rating && <span className={`tile-mark mark-${tile.rating}`} aria-hidden="true" />}
              target {tile.target}
            </span>
            {tile.detail && <span className="tile-detail">{tile.detail}</span>}
            <span className="tile-definition">{tile.definition}</span>
          </li>
        );
      })}
    </ul>
  );
}
