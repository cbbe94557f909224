import {
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Cell,
  type ColumnDef,
  type Header,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

/** What a column says about its markup, beyond its header and cells (TanStack Table's column `meta`). */
export type DataColumnMeta = {
  /** Its cells are the row's header (`<th scope="row">`): the name of what the row is about. */
  rowHeader?: boolean;
  /** The class of its body cells (`table__name`, `table__nowrap`, …). */
  className?: string;
  /** The class of its header cell (and its footer cell). */
  headerClassName?: string;
  /** A data attribute naming its cells for tests (`data-cell`). */
  cellName?: string;
  /** A second line in its sort button, smaller ("± standard error"). */
  sortExtra?: ReactNode;
};

const features = tableFeatures({ rowSortingFeature, columnMeta: {} as DataColumnMeta });
type Features = typeof features;

/** One column: `header`, `cell` (from the row: `({ row }) => …`), optional `footer`, and `meta` for the markup. */
export type DataColumn<T extends RowData> = ColumnDef<Features, T>;

/** How a sortable table is sorted (the server or the caller sorts: the table only shows it). */
export type TableSort<K extends string = string> = { key: K; direction: 'ascending' | 'descending' };

type Wrapper =
  /** A labelled, focusable scroll region (wide tables: analytics, audit, comparison). */
  | { scrollLabel: string; wrapClassName?: string }
  /** The plain sideways-scrolling box (`table-wrap`). */
  | { scrollLabel?: undefined; wrapClassName?: undefined };

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

export type DataTableProps<T extends RowData> = Wrapper & {
  columns: DataColumn<T>[];
  data: readonly T[];
  /** A stable key per row. */
  rowId: (row: T) => string;
  /** Said to assistive technology only (the page's heading shows it already). */
  caption?: ReactNode;
  /** Classes beyond `table`. */
  className?: string;
  /** Attributes on the `<table>` (`data-table` names it for tests). */
  tableName?: string;
  busy?: boolean;
  /** Class and data attributes of a row. */
  rowProps?: (row: T) => RowAttributes;
  /** Shows the columns' `footer`s in a `<tfoot>` row (a totals row: its first cell is the row header). */
  showFooter?: boolean;
  /** What the body says when there are no rows (a single row across the table); nothing when omitted. */
  empty?: ReactNode;
  /**
   * Column headers become sort buttons (`aria-sort` on the sorted one). Sorting stays with the caller
   * (TanStack Table in manual mode): `onSort` gets the column's id, and the caller passes rows in order.
   */
  sort?: TableSort;
  onSort?: (key: string) => void;
  /**
   * The body, when it is more than one `<tbody>` (groups with a heading row): receives the function
   * that renders a row, and the number of columns for a heading cell's `colSpan`.
   */
  body?: (renderRow: (row: T) => ReactNode, columnCount: number) => ReactNode;
};

/**
 * The app's data table: a `table` with a visually hidden caption, column headers (`th scope="col"`),
 * a row header cell per row, optional totals row, sort buttons with `aria-sort`, and an empty row.
 * Column definitions (TanStack Table) say what each column shows; the markup and its classes are the
 * same for every table, so the screens' styles, tests and accessibility checks hold for all of them.
 */
/**
 * A header, cell or footer definition: text as it is, a function called with its context. Called, not
 * mounted as a component (as TanStack's FlexRender does): column definitions are rebuilt whenever a
 * callback they close over changes, and a component of a new identity would remount its cell, so a
 * focused control in it (a role select) would lose focus.
 */
function render<C>(def: ReactNode | ((context: C) => ReactNode) | undefined, context: C): ReactNode {
  return typeof def === 'function' ? def(context) : (def ?? null);
}

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { columns, data, rowId, caption, className, tableName, busy, rowProps, showFooter, empty, sort, onSort } =
    props;
  const sorting = useMemo<SortingState>(
    () => (sort ? [{ id: sort.key, desc: sort.direction === 'descending' }] : []),
    [sort],
  );
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => rowId(row),
    manualSorting: true,
    enableSorting: Boolean(onSort),
    state: { sorting },
  });

  const headerCell = (header: Header<Features, T, unknown>) => {
    const meta = header.column.columnDef.meta ?? {};
    const className = meta.headerClassName;
    const content = render(header.column.columnDef.header, header.getContext());
    if (!onSort) {
      return (
        <th key={header.id} scope="col" className={className}>
          {content}
        </th>
      );
    }
    const direction = header.column.getIsSorted();
    return (
      <th
        key={header.id}
        scope="col"
        className={className}
        aria-sort={direction ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className="sort-button" onClick={() => onSort(header.column.id)}>
          <span>
            {content}
            {meta.sortExtra ? <span className="sort-button__extra">{meta.sortExtra}</span> : null}
          </span>
          <span
            className={direction ? 'sort-button__arrow sort-button__arrow--active' : 'sort-button__arrow'}
            aria-hidden="true"
          >
            {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };

  const bodyCell = (cell: Cell<Features, T, unknown>) => {
    const meta = cell.column.columnDef.meta ?? {};
    const content = render(cell.column.columnDef.cell, cell.getContext());
    return meta.rowHeader ? (
      <th key={cell.id} scope="row" className={meta.className} data-cell={meta.cellName}>
        {content}
      </th>
    ) : (
      <td key={cell.id} className={meta.className} data-cell={meta.cellName}>
        {content}
      </td>
    );
  };

  const rows = table.getRowModel().rows;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const renderRow = (row: Row<Features, T>) => (
    <tr key={row.id} {...rowProps?.(row.original)}>
      {row.getAllCells().map(bodyCell)}
    </tr>
  );
  const columnCount = columns.length;

  const markup = (
    <table className={className ? `table ${className}` : 'table'} aria-busy={busy} data-table={tableName}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>{group.headers.map(headerCell)}</tr>
        ))}
      </thead>
      {props.body ? (
        props.body((item) => {
          const row = byId.get(rowId(item));
          return row ? renderRow(row) : null;
        }, columnCount)
      ) : (
        <tbody>
          {rows.length === 0 && empty ? (
            <tr className="table__empty-row">
              <td colSpan={columnCount}>{empty}</td>
            </tr>
          ) : (
            rows.map(renderRow)
          )}
        </tbody>
      )}
      {showFooter ? (
        <tfoot>
          {table.getFooterGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) =>
                header.index === 0 ? (
                  <th key={header.id} scope="row">
                    {render(header.column.columnDef.footer, header.getContext())}
                  </th>
                ) : (
                  <td key={header.id} className={header.column.columnDef.meta?.headerClassName}>
                    {render(header.column.columnDef.footer, header.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tfoot>
      ) : null}
    </table>
  );

  return props.scrollLabel ? (
    <ScrollRegion label={props.scrollLabel} className={props.wrapClassName}>
      {markup}
    </ScrollRegion>
  ) : (
    <div className="table-wrap">{markup}</div>
  );
}
