import * as React from "react";
import { ObservableValue } from "azure-devops-ui/Core/Observable";
import type { ListSelection } from "azure-devops-ui/List";
import {
  ColumnSelect,
  ColumnSorting,
  SimpleTableCell,
  SortOrder,
  Table,
  TableLoadingRow,
  TwoLineTableCell,
  type ITableColumn,
} from "azure-devops-ui/Table";
import { ArrayItemProvider } from "azure-devops-ui/Utilities/Provider";
import type { MemberSort, RoleView } from "../services/users-service";
import { useLatest } from "../common/use-latest";

export interface Person {
  id: string;
  displayName: string;
  email: string;
  role: RoleView;
}

/** A column beyond name, e-mail and role (the licensed list's Last tracked, Last opened). */
export interface ExtraColumn<T> {
  id: string;
  name: string;
  /** Pixels, or negative: a share of the width left, as for the built-in columns. */
  width: number;
  text: (item: T) => string;
  /** The cell's tooltip (e.g. the full date); by default its text. */
  title?: (item: T) => string | undefined;
}

export interface PeopleTableProps<T extends Person> {
  ariaLabel: string;
  items: T[];
  hasMore: boolean;
  /** Called when the viewer scrolls to the end of what is loaded. */
  onLoadMore: () => void;
  selection: ListSelection;
  sort?: { by: MemberSort; descending: boolean; onSort: (by: MemberSort, descending: boolean) => void };
  /** Role column header: "Role", or "Timetracker role" where users may have none. */
  roleHeader?: string;
  /** Where each user's role comes from, shown under it ("Direct", "Rule: Engineering"); keep it stable. */
  roleSource?: (item: T) => string;
  /** Columns after Role; keep the array stable (a module constant or a memo). */
  extraColumns?: ExtraColumn<T>[];
  /** In a narrow panel: the e-mail under the name, so neither is cut to a few letters. */
  narrow?: boolean;
}

type CellRenderer<T> = ITableColumn<T>["renderCell"];

/** A cell of one line, cut short with its whole text as a tooltip. */
function oneLine<T>(value: (item: T) => string, title?: (item: T) => string | undefined): CellRenderer<T> {
  return (_rowIndex, columnIndex, column, item) => (
    <SimpleTableCell key={`col-${columnIndex}`} columnIndex={columnIndex} tableColumn={column}>
      <span className="text-ellipsis" title={title ? title(item) : value(item)}>
        {value(item)}
      </span>
    </SimpleTableCell>
  );
}

/** A cell of two lines (the second in secondary text), as Azure DevOps' user lists show a person. */
function twoLines<T>(first: (item: T) => string, second: (item: T) => string): CellRenderer<T> {
  return (_rowIndex, columnIndex, column, item) => (
    <TwoLineTableCell
      key={`col-${columnIndex}`}
      columnIndex={columnIndex}
      tableColumn={column}
      line1={
        <span className="text-ellipsis" title={first(item)}>
          {first(item)}
        </span>
      }
      line2={
        <span className="text-ellipsis secondary-text" title={second(item)}>
          {second(item)}
        </span>
      }
    />
  );
}

/**
 * Users with checkboxes in a virtualised azure-devops-ui Table: only the rows in view are
 * rendered, so thousands of loaded users scroll smoothly. A placeholder row after the last
 * loaded user asks for the next page when it scrolls into view.
 */
export function PeopleTable<T extends Person>(props: PeopleTableProps<T>): JSX.Element {
  const { sort, roleHeader, roleSource, extraColumns, narrow } = props;
  // The parts of `sort` each memo reads: a parent may pass a new `sort` object on every render.
  const sortBy = sort?.by;
  const sortDescending = sort?.descending;
  const onSort = sort?.onSort;
  const columns = React.useMemo(() => {
    const sortProps = (by: MemberSort) =>
      sortBy !== undefined
        ? { sortOrder: sortBy === by ? (sortDescending ? SortOrder.descending : SortOrder.ascending) : undefined }
        : undefined;
    // Beside more columns, the e-mail goes under the name and the role's source under the role,
    // so each keeps a readable width beside the Role panel at 1280 pixels.
    const compact = narrow || !!extraColumns?.length;
    const cols: ITableColumn<T>[] = [
      {
        id: "name",
        name: "Name",
        width: new ObservableValue(compact ? -58 : -35),
        renderCell: compact
          ? twoLines(
              (u) => u.displayName,
              (u) => u.email,
            )
          : oneLine((u) => u.displayName),
        sortProps: sortProps("name"),
      },
      ...(compact
        ? []
        : [
            {
              id: "email",
              name: "Email",
              width: new ObservableValue(-40),
              renderCell: oneLine<T>((u) => u.email),
              sortProps: sortProps("email"),
            },
          ]),
      {
        id: "role",
        name: roleHeader ?? "Role",
        width: new ObservableValue(compact ? -42 : -25),
        renderCell: roleSource ? twoLines((u) => u.role.label, roleSource) : oneLine((u) => u.role.label),
        sortProps: sortProps("role"),
      },
      ...(extraColumns ?? []).map((extra): ITableColumn<T> => ({
        id: extra.id,
        name: extra.name,
        width: new ObservableValue(extra.width),
        renderCell: oneLine(extra.text, extra.title),
      })),
    ];
    return [new ColumnSelect() as unknown as ITableColumn<T>, ...cols];
  }, [sortBy, sortDescending, roleHeader, roleSource, extraColumns, narrow]);

  // The Table initialises its behaviours once: the sorting behaviour is built once and reads
  // the latest render's columns and callback.
  const latest = useLatest({ columns, onSort });
  const sortable = onSort !== undefined;
  const behaviors = React.useMemo(
    () =>
      sortable
        ? [
            new ColumnSorting<T>((columnIndex, proposed) => {
              // Columns sort by their id ("name", "email", "role"); the first is the checkbox.
              const by = latest.current.columns[columnIndex]?.id;
              if (isSortable(by)) latest.current.onSort?.(by, proposed === SortOrder.descending);
            }),
          ]
        : [],
    [sortable, latest],
  );

  const provider = React.useMemo(() => {
    const rows: Array<T | ObservableValue<T | undefined>> = [...props.items];
    if (props.hasMore) rows.push(new ObservableValue<T | undefined>(undefined));
    return new ArrayItemProvider(rows);
  }, [props.items, props.hasMore]);

  const onLoadMore = props.onLoadMore;
  return (
    <Table<T>
      ariaLabel={props.ariaLabel}
      containerClassName="people-table"
      columns={columns}
      behaviors={behaviors}
      itemProvider={provider}
      selection={props.selection}
      scrollable={true}
      showLines={true}
      renderLoadingRow={(rowIndex, details) => {
        // The placeholder is in view: fetch the next page (after this render).
        setTimeout(onLoadMore, 0);
        return <TableLoadingRow key="loading" columns={columns} details={details} rowIndex={rowIndex} />;
      }}
    />
  );
}

const SORTABLE: readonly string[] = ["name", "email", "role"] satisfies MemberSort[];
const isSortable = (id: string | undefined): id is MemberSort => id !== undefined && SORTABLE.includes(id);

/** The users a selection covers, in list order. */
export function selectedItems<T>(selection: ListSelection, items: T[]): T[] {
  const picked: T[] = [];
  for (const range of selection.value) {
    for (let i = range.beginIndex; i <= range.endIndex && i < items.length; i++) picked.push(items[i]);
  }
  return picked;
}
