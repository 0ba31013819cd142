/** meta.k8s.io/v1 Table responses for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. */
import type { KObject } from '../store/types';
import { DEFAULT_PRINTER, PRINTERS, type Printer } from './table-printers';
import { WORKLOAD_PRINTERS } from './table-printers-workloads';

const ALL_PRINTERS: Record<string, Printer> = { ...PRINTERS, ...WORKLOAD_PRINTERS };

/** includeObject=None|Metadata|Object (default Metadata). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(obj: KObject, include: IncludeObject): Record<string, unknown> | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** Builds a Table of `items` for a resource. */
export function toTable(
  resourceId: string,
  items: KObject[],
  now: number,
  metadata: Record<string, unknown>,
  include: IncludeObject,
): Record<string, unknown> {
  const printer = ALL_PRINTERS[resourceId] ?? DEFAULT_PRINTER;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: printer.columns,
    rows: items.map((obj) => {
      const object = rowObject(obj, include);
      return { cells: printer.cells(obj, now), ...(object ? { object } : {}) };
    }),
  };
}
