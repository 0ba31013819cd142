import type { Revision, TemplateChange } from '@/lib/views/types';
import { Timestamp } from '@/components/ui/timestamp';
import { Breakable } from '@/components/ui/breakable';
import { stackBody, stackCell, stackHead, stackRow, stackTable } from '@/components/ui/stack-table';
import { TableHead } from '@/components/ui/table-head';

const FIELD_WORDS: Record<TemplateChange['field'], string> = {
  image: 'image',
  env: 'env',
  configRef: 'config ref',
  resources: 'resources',
  command: 'command',
  other: 'other',
};

function Change({ change }: { change: TemplateChange }) {
  return (
    <li className="break-words">
      <span className="font-medium">{FIELD_WORDS[change.field]}</span>
      {change.container && <span className="text-slate-600"> ({change.container})</span>}:{' '}
      {change.before !== undefined && (
        <del className="bg-red-50 font-mono text-red-900">{change.before}</del>
      )}
      {change.before !== undefined && change.after !== undefined && ' → '}
      {change.after !== undefined && (
        <ins className="bg-green-50 font-mono text-green-900 no-underline">{change.after}</ins>
      )}
    </li>
  );
}

/** ReplicaSet revisions, newest first, with what changed in the pod template. */
export function RevisionsTable({ revisions, now }: { revisions: Revision[]; now: number }) {
  const sorted = [...revisions].sort((a, b) => b.revision - a.revision);
  return (
    <div className="overflow-x-auto">
      <table className={stackTable} data-testid="revisions">
        <caption className="sr-only">Revisions, newest first</caption>
        <TableHead
          className={stackHead}
          columns={[
            { label: 'Rev', title: 'deployment.kubernetes.io/revision' },
            { label: 'ReplicaSet' },
            { label: 'Created' },
            { label: 'Images' },
            { label: 'Replicas', title: 'spec.replicas' },
            { label: 'What changed in the pod template' },
          ]}
        />
        <tbody className={stackBody}>
          {sorted.map((r) => (
            <tr key={r.replicaSet} className={`${stackRow} border-b border-slate-200 align-top`}>
              <td data-label="Rev" className={`${stackCell} py-2 pr-2 font-semibold`}>
                {r.revision}
                {r.rolledBackTo && (
                  <span className="ml-1 block text-xs font-semibold text-rose-800">
                    ↶ rolled back to
                  </span>
                )}
                {r.crashed && (
                  <span className="ml-1 block text-xs font-semibold text-red-800">✖ crashed</span>
                )}
              </td>
              <td
                data-label="ReplicaSet"
                className={`${stackCell} py-2 pr-2 font-mono break-words`}
              >
                <Breakable text={r.replicaSet} />
              </td>
              <td data-label="Created" className={`${stackCell} py-2 pr-2`}>
                {r.createdAt ? <Timestamp at={r.createdAt} now={now} withDate /> : '—'}
              </td>
              <td data-label="Images" className={`${stackCell} py-2 pr-2 font-mono break-words`}>
                <Breakable text={r.images.join(', ')} />
              </td>
              <td data-label="Replicas" className={`${stackCell} py-2 pr-2`}>
                {r.replicas}
              </td>
              <td data-label="What changed in the pod template" className={`${stackCell} py-2`}>
                {r.changes.length === 0 ? (
                  <span className="text-slate-500">no template change recorded</span>
                ) : (
                  <ul className="space-y-0.5">
                    {r.changes.map((c, i) => (
                      <Change key={i} change={c} />
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
