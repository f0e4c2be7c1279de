/**
 * TanStack Table's core row model, keeping each row object while its data object
 * stays. The stock one makes a new row (some forty closures) for every data item
 * whenever the data array changes: at 100k tickets that was every row of the view
 * again for each note sent and each pulled row — milliseconds of main thread and
 * most of the garbage behind the long collection pauses (bench: optimistic change).
 * The queue's row objects are kept per ticket object (use-queue.ts), so an unchanged
 * ticket keeps its table row here too. Rows are made anew when the columns change
 * (sorted by the SLA header, the SLA column reads the clock: its cached values must
 * not outlive it).
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

export function keptCoreRowModel<TData extends RowData & object>(): (
  table: Table<TData>,
) => () => RowModel<TData> {
  return (table) => {
    let made = new WeakMap<TData, Row<TData>>();
    let madeFor: unknown = null;
    return memo(
      () => [table.options.data, table.getAllLeafColumns()],
      (data, columns) => {
        if (columns !== madeFor) {
          made = new WeakMap();
          madeFor = columns;
        }
        const model: RowModel<TData> = { rows: [], flatRows: [], rowsById: {} };
        for (let i = 0; i < data.length; i++) {
          const original = data[i] as TData;
          let row = made.get(original);
          if (row) row.index = i;
          else {
            row = createRow(table, table._getRowId(original, i), original, i, 0);
            made.set(original, row);
          }
          model.rows.push(row);
          model.flatRows.push(row);
          model.rowsById[row.id] = row;
        }
        return model;
      },
      getMemoOptions(table.options, 'debugTable', 'getRowModel', () => table._autoResetPageIndex()),
    );
  };
}
