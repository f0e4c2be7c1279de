/**
 * The ticket queue: TanStack Table for the model, TanStack Virtual so only the
 * rows on screen exist in the DOM (the queue must stay smooth at 100k tickets).
 */
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isTypingTarget } from '../../app/keyboard';
import { queueColumns, type QueueRow } from './columns';

const ROW_HEIGHT = 36;

interface Props {
  rows: QueueRow[];
  openId: string | null;
  onOpen: (ticketId: string) => void;
  now: number;
}

/**
 * Queue keys belong to the queue: not while typing in a field, and not when the
 * key is meant for a control elsewhere (Enter on a button in the ticket, a dialog, the tray).
 */
function isForSomethingElse(event: KeyboardEvent): boolean {
  const target = event.target;
  if (event.defaultPrevented) return true;
  if (!(target instanceof HTMLElement)) return false;
  if (isTypingTarget(target) || ['BUTTON', 'A'].includes(target.tagName)) return true;
  return target.closest('.detail, dialog[open], [role="dialog"], .conflict-tray') !== null;
}

export function QueueTable({ rows, openId, onOpen, now }: Props) {
  const [activeIndex, setActiveIndex] = useState(0);
  // The view's order until the agent sorts by a column header.
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => queueColumns(now), [now]);
  // TanStack Table returns functions that React Compiler must not memoise; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.ticket.id,
  });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  // j / k move, Enter opens: the queue is worked from the keyboard.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isForSomethingElse(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j') setActiveIndex((i) => Math.min(i + 1, tableRows.length - 1));
      else if (event.key === 'k') setActiveIndex((i) => Math.max(i - 1, 0));
      else if (event.key === 'Enter') {
        const row = tableRows[activeIndex];
        if (row) onOpen(row.original.ticket.id);
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tableRows, activeIndex, onOpen]);

  const gridTemplate = table
    .getVisibleLeafColumns()
    .map((c) => `${c.getSize()}px`)
    .join(' ');

  const totalWidth = table.getTotalSize();

  return (
    <div className="queue" role="grid" aria-label="Ticket queue" aria-rowcount={tableRows.length}>
      {/* One scroll container for header and rows, so they scroll sideways together; the header is sticky. */}
      <div className="queue-scroll" ref={scrollRef}>
        <div
          className="queue-header"
          role="row"
          style={{ gridTemplateColumns: gridTemplate, width: totalWidth }}
        >
          {table.getFlatHeaders().map((header) => (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={
                header.column.getIsSorted() === 'asc'
                  ? 'ascending'
                  : header.column.getIsSorted() === 'desc'
                    ? 'descending'
                    : 'none'
              }
            >
              <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                {flexRender(header.column.columnDef.header, header.getContext())}
                {header.column.getIsSorted() === 'asc'
                  ? ' ▲'
                  : header.column.getIsSorted() === 'desc'
                    ? ' ▼'
                    : ''}
              </button>
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            const active = item.index === activeIndex;
            const open = row.original.ticket.id === openId;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={active}
                aria-current={open ? 'true' : undefined}
                data-ref={row.original.ticket.ref}
                className={`queue-row${active ? ' active' : ''}${open ? ' open' : ''}`}
                style={{
                  transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: gridTemplate,
                  height: ROW_HEIGHT,
                }}
                onClick={() => {
                  setActiveIndex(item.index);
                  onOpen(row.original.ticket.id);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="gridcell" className={`cell cell-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
