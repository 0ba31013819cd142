import type { NodeMemory } from '@/lib/diagnosis';
import { Panel } from '@/components/ui/panel';
import { Timestamp } from '@/components/ui/timestamp';

const SHOWN = 6;

/** The node side of an OOM kill: its MemoryPressure condition and memory events, with times. */
export function NodeMemoryPanel({ node, now }: { node: NodeMemory; now: number }) {
  const p = node.memoryPressure;
  const under = p?.status === 'True';
  return (
    <Panel
      headingId="node-memory-heading"
      heading={<>Node {node.name} — memory pressure</>}
      testId="node-memory"
      className="text-sm"
    >
      {p ? (
        <p data-testid="memory-pressure" data-status={p.status}>
          <strong className={under ? 'text-red-800' : 'text-green-800'}>
            MemoryPressure {p.status}
          </strong>
          {p.reason && <span> ({p.reason})</span>}
          {p.since !== undefined && (
            <span>
              {' '}
              since <Timestamp at={p.since} now={now} />
            </span>
          )}
          {p.heartbeatAt !== undefined && (
            <span className="text-slate-600">
              {' '}
              · last reported <Timestamp at={p.heartbeatAt} />
            </span>
          )}
          {p.message && <span className="block break-words text-slate-600">{p.message}</span>}
        </p>
      ) : (
        <p data-testid="memory-pressure" data-status="unknown">
          The node’s conditions could not be read (no access to nodes, or the node is gone).
        </p>
      )}
      {node.events.length > 0 ? (
        <ul className="flex flex-col gap-1" data-testid="node-memory-events">
          {node.events.length > SHOWN && (
            <li className="text-slate-600">
              {node.events.length - SHOWN} older event{node.events.length - SHOWN === 1 ? '' : 's'}{' '}
              not shown (the newest {SHOWN} below).
            </li>
          )}
          {node.events.slice(-SHOWN).map((e) => (
            <li key={`${e.uid ?? e.reason}-${e.firstAt}`} className="break-words">
              <Timestamp at={e.lastAt} />{' '}
              <strong className={e.type === 'Warning' ? 'text-red-800' : undefined}>
                {e.reason}
              </strong>
              {e.count > 1 && <span> ×{e.count}</span>}
              {e.source && <span className="text-slate-600"> ({e.source})</span>}: {e.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">
          No SystemOOM, OOMKilling, eviction or memory-pressure events for this node (events expire
          after an hour).
        </p>
      )}
    </Panel>
  );
}
