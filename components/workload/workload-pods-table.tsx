import Link from 'next/link';
import type { WorkloadPodRow } from '@/lib/views/types';
import { Timestamp } from '@/components/ui/timestamp';
import { stackBody, stackCell, stackHead, stackRow, stackTable } from '@/components/ui/stack-table';
import { podPath } from '@/components/format/names';
import { TableHead } from '@/components/ui/table-head';

function shortDigest(d: string): string {
  const hex = d.includes(':') ? (d.split(':')[1] ?? d) : d;
  return `${hex.slice(0, 12)}…`;
}

/** `revision|container` → distinct digests its live pods run: more than one under the same
 * pod template is drift (pods of different revisions may differ legitimately). */
function digestCounts(pods: WorkloadPodRow[]): Record<string, number> {
  const seen: Record<string, Set<string>> = {};
  for (const p of pods) {
    if (p.deletedAt) continue;
    for (const [c, d] of Object.entries(p.imageDigests))
      (seen[`${p.revision ?? '?'}|${c}`] ??= new Set()).add(d);
  }
  return Object.fromEntries(Object.entries(seen).map(([k, s]) => [k, s.size]));
}

/** Pods of the workload (live and replaced), with node and running digest per container. */
export function WorkloadPodsTable({
  pods,
  cluster,
  namespace,
  now,
}: {
  pods: WorkloadPodRow[];
  cluster: string;
  namespace: string;
  now: number;
}) {
  const counts = digestCounts(pods);
  const sorted = [...pods].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  return (
    <div className="overflow-x-auto">
      <table className={stackTable} data-testid="workload-pods">
        <caption className="sr-only">Pods of this workload, newest first</caption>
        <TableHead
          className={stackHead}
          columns={[
            { label: 'Pod' },
            { label: 'Node', title: 'spec.nodeName' },
            { label: 'Status' },
            { label: 'Restarts', title: 'restartCount' },
            { label: 'Rev' },
            { label: 'Created / replaced' },
            { label: 'Running digest', title: 'status.containerStatuses[].imageID' },
          ]}
        />
        <tbody className={stackBody}>
          {sorted.map((p) => (
            <tr
              key={p.uid ?? p.name}
              className={`${stackRow} border-b border-slate-200 align-top ${p.deletedAt ? 'text-slate-500' : ''}`}
            >
              <td data-label="Pod" className={`${stackCell} py-2 pr-2 font-mono break-words`}>
                {p.deletedAt ? (
                  p.name
                ) : (
                  <Link
                    href={podPath(cluster, namespace, p.name)}
                    className="text-blue-800 underline"
                  >
                    {p.name}
                  </Link>
                )}
              </td>
              <td data-label="Node" className={`${stackCell} py-2 pr-2`}>
                {p.nodeName ?? '—'}
              </td>
              <td data-label="Status" className={`${stackCell} py-2 pr-2`}>
                {p.deletedAt ? 'replaced (deleted)' : p.status}
              </td>
              <td data-label="Restarts" className={`${stackCell} py-2 pr-2 font-mono`}>
                {p.restarts}↻
              </td>
              <td data-label="Rev" className={`${stackCell} py-2 pr-2`}>
                {p.revision ?? '—'}
              </td>
              <td data-label="Created / replaced" className={`${stackCell} py-2 pr-2`}>
                {p.createdAt ? <Timestamp at={p.createdAt} now={now} /> : '—'}
                {p.deletedAt && (
                  <div>
                    deleted <Timestamp at={p.deletedAt} />
                  </div>
                )}
              </td>
              <td data-label="Running digest" className={`${stackCell} py-2 font-mono`}>
                {Object.entries(p.imageDigests).map(([c, d]) => (
                  <div key={c} title={d}>
                    {c}: {shortDigest(d)}
                    {(counts[`${p.revision ?? '?'}|${c}`] ?? 0) > 1 && !p.deletedAt && (
                      <span className="ml-1 font-sans font-semibold text-red-800">
                        ✗ {counts[`${p.revision ?? '?'}|${c}`]} digests for one revision
                      </span>
                    )}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
