import type { WorkloadView } from '@/lib/views/types';
import { CauseBlock } from '@/components/pod/cause-block';
import { FindingsList } from '@/components/pod/findings-list';
import { PageActions } from '@/components/ui/page-actions';
import { Timestamp } from '@/components/ui/timestamp';
import { RevisionsTable } from './revisions-table';
import { WorkloadPodsTable } from './workload-pods-table';
import { worstFirst } from '@/components/format/exit-style';
import { causeAndTrap } from '@/lib/diagnosis';

/** The workload page: cause, revisions and what changed, pods replaced and their digests, findings. */
export function WorkloadPresentation({
  view: raw,
  reportHref,
}: {
  view: WorkloadView;
  reportHref?: string;
}) {
  const view = { ...raw, findings: worstFirst(raw.findings) };
  const live = view.pods.filter((p) => !p.deletedAt);
  const replaced = view.pods.length - live.length;
  const rollbacks = view.revisions.filter((r) => r.rolledBackTo).length;
  const { cause, trap } = causeAndTrap(view.findings);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-3 py-4 sm:px-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold break-words">
          <span className="text-slate-600">{view.namespace} /</span> {view.kind} {view.name}
        </h1>
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
          <p>
            cluster {view.cluster} · {live.length} pod{live.length === 1 ? '' : 's'} · {replaced}{' '}
            replaced · {view.revisions.length} revision{view.revisions.length === 1 ? '' : 's'} ·{' '}
            {rollbacks} rollback
            {rollbacks === 1 ? '' : 's'} · as of <Timestamp at={view.generatedAt} />
          </p>
          <PageActions reportHref={reportHref} />
        </div>
      </header>
      <CauseBlock finding={cause} trap={trap} status={`${live.length} pods`} />
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading" className="text-lg font-semibold">
          Revisions
        </h2>
        <RevisionsTable revisions={view.revisions} now={view.generatedAt} />
      </section>
      <section aria-labelledby="pods-heading">
        <h2 id="pods-heading" className="text-lg font-semibold">
          Pods and digests per node
        </h2>
        <WorkloadPodsTable
          pods={view.pods}
          cluster={view.cluster}
          namespace={view.namespace}
          now={view.generatedAt}
        />
      </section>
      <FindingsList findings={view.findings} cause={cause} />
    </div>
  );
}
