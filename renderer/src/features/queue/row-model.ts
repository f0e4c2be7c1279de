/**
 * TanStack Table's row objects, made only for the rows that are drawn and kept
 * while their data object stays.
 *
 * The stock core row model makes a row (some forty closures) for every data item
 * whenever the data array changes, and indexes them all by id. At 100k tickets
 * that was every ticket again for each search and each note sent: tens of ms of
 * main thread and most of the garbage behind the long collection pauses (bench:
 * filter + sort, optimistic change). The queue draws some thirty rows at a time,
 * so it asks `keptRow` for those (QueueTable.tsx) and the full model is only built
 * when the agent sorts by a column header, which TanStack's sort needs.
 *
 * Rows are made anew when the columns change (sorted by the SLA header, the SLA
 * column reads the clock: its cached values must not outlive it).
 */
import {
  createRow,
  getMemoOptions,
  memo,
  type Row,
  type RowData,
  type RowModel,
  type Table,
} from '@tanstack/react-table';

interface Kept<TData extends RowData & object> {
  made: WeakMap<TData, Row<TData>>;
  madeFor: unknown;
}

// Per table; typed where read, as each table has its own row data type.
const keptByTable = new WeakMap<object, unknown>();

/** The table's row for this data object, at this position; the same object while data and columns stay. */
export function keptRow<TData extends RowData & object>(
  table: Table<TData>,
  original: TData,
  index: number,
): Row<TData> {
  let kept = keptByTable.get(table) as Kept<TData> | undefined;
  if (!kept) {
    kept = { made: new WeakMap(), madeFor: null };
    keptByTable.set(table, kept);
  }
  const columns = table.getAllLeafColumns();
  if (columns !== kept.madeFor) {
    kept.made = new WeakMap();
    kept.madeFor = columns;
  }
  let row = kept.made.get(original);
  if (row) row.index = index;
  else {
    row = createRow(table, table._getRowId(original, index), original, index, 0);
    kept.made.set(original, row);
  }
  return row;
}

/**
 * The core row model over the same kept rows, for the header sort. `rowsById` (a
 * 100k-key object) is built only if something asks for it: nothing in the queue does.
 */
export function keptCoreRowModel<TData extends RowData & object>(): (
  table: Table<TData>,
) => () => RowModel<TData> {
  return (table) =>
    memo(
      () => [table.options.data, table.getAllLeafColumns()],
      (data) => {
        const rows = data.map((original, i) => keptRow(table, original, i));
        let byId: Record<string, Row<TData>> | null = null;
        return {
          rows,
          flatRows: rows,
          get rowsById() {
            if (byId === null) {
              byId = {};
              for (const row of rows) byId[row.id] = row;
            }
            return byId;
          },
        };
      },
      getMemoOptions(table.options, 'debugTable', 'getRowModel', () => table._autoResetPageIndex()),
    );
}
