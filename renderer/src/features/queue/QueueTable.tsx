/**
 * The ticket queue: TanStack Table for the model, TanStack Virtual so only the
 * rows on screen exist in the DOM (the queue must stay smooth at 100k tickets).
 * Rows can be grouped (a header per group, in the virtual list like a row) and
 * selected for bulk actions: `x` or the checkbox toggles, Shift extends a range.
 */
import { flexRender, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { groupRows, type GroupLabels } from '../../../../core/queue/group';
import type { GroupColumn } from '../../../../core/queue/types';
import { isTypingTarget } from '../../app/keyboard';
import { queueColumns, type QueueRow, type QueueTableMeta } from './columns';
import { keptCoreRowModel, keptRow } from './row-model';

const ROW_HEIGHT = 36;
const coreRowModel = keptCoreRowModel<QueueRow>();
const SELECT_WIDTH = 36;

interface Props {
  rows: QueueRow[];
  openId: string | null;
  onOpen: (ticketId: string) => void;
  now: number;
  groupBy: GroupColumn | null;
  groupLabels: GroupLabels;
  selected: ReadonlySet<string>;
  /** Replace the selection (the table works out ranges). */
  onSelect: (ids: Set<string>) => void;
}

type Item =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'row'; row: QueueRow; position: number };

/**
 * Queue keys belong to the queue: not while typing in a field, and not when the
 * key is meant for a control elsewhere (Enter on a button in the ticket, a dialog, the tray).
 */
function isForSomethingElse(event: KeyboardEvent): boolean {
  const target = event.target;
  if (event.defaultPrevented) return true;
  if (!(target instanceof HTMLElement)) return false;
  if (isTypingTarget(target)) return true;
  // Enter on a button or link is that control's own; letters still drive the queue (after clicking a view tab).
  if (event.key === 'Enter' && ['BUTTON', 'A'].includes(target.tagName)) return true;
  return target.closest('.detail, .sidebar, dialog[open], [role="dialog"], .conflict-tray') !== null;
}

/**
 * Memoised: the console re-renders on every snapshot (sync status, a note sent),
 * and with the same rows this table has nothing to redo (bench: optimistic change).
 */
export const QueueTable = memo(QueueTableImpl);

function QueueTableImpl({ rows, openId, onOpen, now, groupBy, groupLabels, selected, onSelect }: Props) {
  // The active row, by position among ticket rows (group headers are skipped by j/k).
  const [activeIndex, setActiveIndex] = useState(0);
  const anchor = useRef<number | null>(null);
  // The view's order until the agent sorts by a column header.
  const [sorting, setSorting] = useState<SortingState>([]);
  // The columns, and with them every table row, are made again on a clock tick only while
  // the agent has sorted by the SLA header: no other column's order moves with the clock.
  const sortNow = sorting.some((s) => s.id === 'sla') ? now : 0;
  const columns = useMemo(() => queueColumns(sortNow), [sortNow]);
  const meta: QueueTableMeta = { now };
  // TanStack Table returns functions that React Compiler must not memoise; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    meta,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: coreRowModel,
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.ticket.id,
  });
  // The rows in display order, as data: the view's own order (already sorted by core/queue)
  // unless the agent sorts by a column header, which takes TanStack's full row model. Table
  // rows are then made for the drawn rows only (row-model.ts): at 100k tickets, making and
  // indexing one per ticket was most of a search's main thread (bench: filter + sort).
  const headerSorted = sorting.length > 0 ? table.getRowModel().rows : null;
  const ordered = useMemo(
    () => (headerSorted ? headerSorted.map((r) => r.original) : rows),
    [headerSorted, rows],
  );
  // Grouped, the virtual list interleaves group headers with the rows; ungrouped, an item's
  // index is the row's position and no list is made.
  const grouped = useMemo(() => {
    if (!groupBy) return null;
    const items: Item[] = [];
    const itemOfPosition: number[] = [];
    const order: QueueRow[] = [];
    for (const g of groupRows(ordered, (r) => r.ticket, groupBy, groupLabels)) {
      items.push({ kind: 'group', key: g.key, label: g.label, count: g.rows.length });
      for (const row of g.rows) {
        itemOfPosition.push(items.length);
        items.push({ kind: 'row', row, position: order.length });
        order.push(row);
      }
    }
    return { items, itemOfPosition, order };
  }, [ordered, groupBy, groupLabels]);
  // Positions (j / k, ranges, aria-rowindex) count ticket rows in display order, headers skipped.
  const shown = grouped ? grouped.order : ordered;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: grouped ? grouped.items.length : shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    const at = grouped
      ? grouped.itemOfPosition[activeIndex]
      : activeIndex < shown.length
        ? activeIndex
        : undefined;
    if (at !== undefined) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [activeIndex, grouped, shown, virtualizer]);

  function toggle(index: number, range: boolean) {
    const row = shown[index];
    if (!row) return;
    const next = new Set(selected);
    if (range && anchor.current !== null) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      for (let i = from; i <= to; i++) {
        const id = shown[i]?.ticket.id;
        if (id) next.add(id);
      }
    } else if (next.has(row.ticket.id)) next.delete(row.ticket.id);
    else next.add(row.ticket.id);
    anchor.current = index;
    onSelect(next);
  }
  const toggleRef = useRef(toggle);
  useEffect(() => {
    toggleRef.current = toggle;
  });

  // j / k move, Enter opens, x selects (Shift+x a range): the queue is worked from the keyboard.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isForSomethingElse(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j') setActiveIndex((i) => Math.min(i + 1, shown.length - 1));
      else if (event.key === 'k') setActiveIndex((i) => Math.max(i - 1, 0));
      else if (event.key === 'x' || event.key === 'X') toggleRef.current(activeIndex, event.shiftKey);
      else if (event.key === 'Enter') {
        const row = shown[activeIndex];
        if (row) onOpen(row.ticket.id);
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, activeIndex, onOpen]);

  const gridTemplate = [
    `${SELECT_WIDTH}px`,
    ...table.getVisibleLeafColumns().map((c) => `${c.getSize()}px`),
  ].join(' ');
  const totalWidth = table.getTotalSize() + SELECT_WIDTH;
  // Every shown ticket selected: a selection smaller than the rows cannot be, and answers
  // without a pass over 100k rows (most renders have an empty or small selection).
  const allSelected = useMemo(
    () =>
      selected.size > 0 &&
      shown.length > 0 &&
      selected.size >= shown.length &&
      shown.every((r) => selected.has(r.ticket.id)),
    [shown, selected],
  );

  return (
    <div
      className="queue"
      role="grid"
      aria-label="Ticket queue"
      aria-rowcount={shown.length}
      aria-multiselectable="true"
    >
      {/* One scroll container for header and rows, so they scroll sideways together; the header is sticky. */}
      <div className="queue-scroll" ref={scrollRef}>
        <div
          className="queue-header"
          role="row"
          style={{ gridTemplateColumns: gridTemplate, width: totalWidth }}
        >
          <div role="columnheader" className="cell-select">
            <input
              type="checkbox"
              aria-label={allSelected ? 'Clear the selection' : 'Select every ticket shown'}
              checked={allSelected}
              onChange={() => onSelect(allSelected ? new Set() : new Set(shown.map((r) => r.ticket.id)))}
            />
          </div>
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
          {virtualizer.getVirtualItems().map((v) => {
            const ungrouped = grouped ? undefined : shown[v.index];
            const item: Item | undefined = grouped
              ? grouped.items[v.index]
              : ungrouped && { kind: 'row', row: ungrouped, position: v.index };
            if (!item) return null;
            if (item.kind === 'group') {
              return (
                <div
                  key={`group:${item.key}`}
                  role="row"
                  className="queue-group"
                  style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT, width: totalWidth }}
                >
                  <div role="gridcell" aria-colspan={table.getVisibleLeafColumns().length + 1}>
                    {item.label} <span className="view-count">{item.count.toLocaleString()}</span>
                  </div>
                </div>
              );
            }
            const { position } = item;
            const row = keptRow(table, item.row, position);
            const active = position === activeIndex;
            const open = row.original.ticket.id === openId;
            const isSelected = selected.has(row.original.ticket.id);
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={position + 1}
                aria-selected={isSelected}
                aria-current={open ? 'true' : undefined}
                data-ref={row.original.ticket.ref}
                data-active={active || undefined}
                className={`queue-row${active ? ' active' : ''}${open ? ' open' : ''}${isSelected ? ' selected' : ''}`}
                style={{
                  transform: `translateY(${v.start}px)`,
                  gridTemplateColumns: gridTemplate,
                  height: ROW_HEIGHT,
                }}
                onClick={(event) => {
                  setActiveIndex(position);
                  if (event.shiftKey || event.ctrlKey || event.metaKey) toggle(position, event.shiftKey);
                  else onOpen(row.original.ticket.id);
                }}
              >
                <div role="gridcell" className="cell cell-select" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.original.ticket.ref}`}
                    checked={isSelected}
                    onChange={(e) => {
                      setActiveIndex(position);
                      toggle(position, (e.nativeEvent as MouseEvent).shiftKey);
                    }}
                  />
                </div>
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
