import type { BoardView } from '@/lib/views/types';

export interface BoardFilterValues {
  cluster?: string;
  namespace?: string;
  severity?: 'critical' | 'warning' | 'info';
}

/**
 * Filters as a plain GET form (a server component): the URL is the state, it works without
 * JavaScript and with the keyboard, and a shared link shows the same board. A change applies on
 * Apply.
 */
export function BoardFilters({ board, values }: { board: BoardView; values: BoardFilterValues }) {
  const namespaces = [
    ...new Set(
      board.rows.map((r) => r.namespace).concat(values.namespace ? [values.namespace] : []),
    ),
  ].sort();
  const select = 'min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm';
  return (
    <form
      method="get"
      action="/"
      className="no-print flex flex-wrap items-end gap-3"
      aria-label="Filter the board"
    >
      <label className="flex flex-col text-xs font-medium text-slate-700">
        Cluster
        <select name="cluster" defaultValue={values.cluster ?? ''} className={select}>
          <option value="">all</option>
          {board.clusters.map((c) => (
            <option key={c.cluster} value={c.cluster}>
              {c.cluster}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-700">
        Namespace
        <select name="namespace" defaultValue={values.namespace ?? ''} className={select}>
          <option value="">all</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-700">
        Severity (at least)
        <select name="severity" defaultValue={values.severity ?? ''} className={select}>
          <option value="">all</option>
          <option value="critical">critical</option>
          <option value="warning">warning</option>
          <option value="info">info</option>
        </select>
      </label>
      <button
        type="submit"
        className="min-h-11 rounded-md bg-slate-900 px-4 text-sm font-semibold text-white"
      >
        Apply
      </button>
    </form>
  );
}
