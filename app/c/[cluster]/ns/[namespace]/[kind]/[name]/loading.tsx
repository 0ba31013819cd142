import { AppShell } from '@/components/ui/app-shell';
import { LoadingPanel } from '@/components/ui/state-panels';

// Inside the same AppShell as the page: the header does not move when the page replaces this.

export default function Loading() {
  return (
    <AppShell>
      <LoadingPanel
        what="the workload"
        from="its ReplicaSet revisions, pods (live and replaced) and findings"
      />
    </AppShell>
  );
}
