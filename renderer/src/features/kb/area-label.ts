import { isProductArea, PRODUCT_AREA_LABELS } from '../../../../core/workspace/model';

/** A known area's label; another workspace's own area as written, underscores spaced. */
export const areaLabel = (area: string | null): string =>
  area === null ? '—' : isProductArea(area) ? PRODUCT_AREA_LABELS[area] : area.replace(/_/g, ' ');
