/**
 * A scrolling list that renders only the rows in view (@tanstack/react-virtual),
 * with rows measured as they render so wrapped lines get their height. Logs
 * can hold thousands of lines; the DOM holds a few dozen.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  label: string;
  /** Expected row height, px; rows are measured once rendered. */
  estimate?: number;
  /** Scroll a row into view; the nonce makes the same index scroll again. */
  scrollTo?: { index: number; nonce: number } | null;
  row: (item: T, index: number) => ReactNode;
  rowClass?: (item: T, index: number) => string;
  empty: string;
}

export function VirtualRows<T>({ items, label, estimate = 26, scrollTo, row, rowClass, empty }: Props<T>) {
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => estimate,
    overscan: 12,
  });
  useEffect(() => {
    if (scrollTo && scrollTo.index < items.length)
      virtualizer.scrollToIndex(scrollTo.index, { align: 'center' });
  }, [scrollTo, items.length, virtualizer]);

  if (items.length === 0) return <p className="tm-empty">{empty}</p>;
  return (
    <div ref={parent} className="tm-rows" role="list" aria-label={label} tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index] as T;
          return (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              role="listitem"
              aria-posinset={v.index + 1}
              aria-setsize={items.length}
              className={`tm-row ${rowClass?.(item, v.index) ?? ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${v.start}px)`,
              }}
            >
              {row(item, v.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
