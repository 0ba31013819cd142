import { CircleCheck, CircleX } from 'lucide-react';
import { formatBytes, type ContainerTimeline } from '@/lib/diagnosis';
import { factsAnchor } from '@/components/format/names';
import { Breakable } from '@/components/ui/breakable';

function shortDigest(digest: string): string {
  const [algo, hex] = digest.includes(':') ? digest.split(':', 2) : ['sha256', digest];
  return `${algo}:${(hex ?? '').slice(0, 12)}…`;
}

function ImageFact({ c }: { c: ContainerTimeline }) {
  const expected = c.expectedDigest;
  return (
    <div className="min-w-0">
      <dt className="font-medium text-slate-600">image</dt>
      <dd className="min-w-0 break-words" data-testid="image-fact">
        <span title="spec.containers[].image">
          <Breakable text={c.image ?? 'unknown'} />
        </span>
        {c.imageDigest && (
          <span
            className="font-mono text-sm"
            title={`status.containerStatuses[].imageID: ${c.imageID ?? ''}`}
          >
            {' '}
            @{shortDigest(c.imageDigest)}
          </span>
        )}
        {expected && (
          <span
            className={`ml-1 inline-flex items-center gap-1 ${expected.matches ? 'text-green-800' : 'font-semibold text-red-800'}`}
            data-testid="digest-check"
          >
            {expected.matches ? (
              <CircleCheck aria-hidden className="size-4" />
            ) : (
              <CircleX aria-hidden className="size-4" />
            )}
            (expected {shortDigest(expected.digest)} from {expected.source}{' '}
            {expected.matches ? '✓ matches' : '✗ does not match'})
          </span>
        )}
      </dd>
    </div>
  );
}

function MemoryFact({ c }: { c: ContainerTimeline }) {
  const m = c.memory;
  const oomKills = c.runs.filter((r) => r.reason === 'OOMKilled').length;
  return (
    <div>
      <dt className="font-medium text-slate-600">memory</dt>
      <dd data-testid="memory-fact">
        {m.limit ? (
          <span title="spec.containers[].resources.limits.memory">limit {m.limit}</span>
        ) : m.limitRangeDefault ? (
          <span title="LimitRange default applied by the namespace">
            limit {m.limitRangeDefault} (LimitRange default)
          </span>
        ) : (
          <strong
            className="text-red-800"
            title="spec.containers[].resources.limits.memory is not set"
          >
            no limit
          </strong>
        )}
        {m.request && (
          <span title="spec.containers[].resources.requests.memory"> · request {m.request}</span>
        )}
        {m.lastUsageBytes !== undefined && <span> · last use {formatBytes(m.lastUsageBytes)}</span>}
        {m.metrics === 'absent' && (
          <span className="text-slate-600">
            {' '}
            · usage: metrics.k8s.io not served by this cluster
          </span>
        )}
        {oomKills > 0 && (
          <strong className="text-red-800">
            {' '}
            · {oomKills} OOM kill{oomKills === 1 ? '' : 's'} (exit 137, reason OOMKilled)
          </strong>
        )}
      </dd>
    </div>
  );
}

/** The per-container facts under the axis: state, image vs expected, memory and OOM kills. */
export function ContainerFacts({ container }: { container: ContainerTimeline }) {
  return (
    <dl
      id={factsAnchor(container.name)}
      className="grid scroll-mt-4 grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2"
    >
      <div>
        <dt className="font-medium text-slate-600">state</dt>
        <dd>
          <strong title="status.containerStatuses[].state">{container.state}</strong>
          <span title="status.containerStatuses[].restartCount">
            {' '}
            · restartCount {container.restartCount}
          </span>
          {container.ready !== undefined && (
            <span> · {container.ready ? 'ready' : 'not ready'}</span>
          )}
          {container.stateMessage && (
            <span className="block break-words text-slate-600" title="state.waiting.message">
              {container.stateMessage}
            </span>
          )}
        </dd>
      </div>
      <ImageFact c={container} />
      <MemoryFact c={container} />
    </dl>
  );
}
