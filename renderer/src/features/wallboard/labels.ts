import { isProductArea, PRODUCT_AREA_LABELS } from '../../../../core/workspace/model';

/** A product area's display name; unknown areas (imported, renamed) show as they are. */
export const areaLabel = (area: string): string => (isProductArea(area) ? PRODUCT_AREA_LABELS[area] : area);
