// The header row of Podtrail's data tables (board, workload pods, revisions).

/** One column: its label and, where it shows an API field, that field as the tooltip. */
export interface HeadColumn {
  label: string;
  title?: string;
}

/** A `<thead>` with one `th scope="col"` per column; `className` adds to its classes. */
export function TableHead({ columns, className }: { columns: HeadColumn[]; className?: string }) {
  return (
    <thead
      className={`${className ? `${className} ` : ''}border-b-2 border-slate-300 text-xs tracking-wide text-slate-600 uppercase`}
    >
      <tr>
        {columns.map((column, i) => (
          <th
            key={column.label}
            scope="col"
            className={i < columns.length - 1 ? 'py-2 pr-2' : 'py-2'}
            title={column.title}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
