import { AppShell } from '@/components/ui/app-shell';
import { ErrorPanel } from '@/components/ui/state-panels';

export default function NotFound() {
  return (
    <AppShell>
      <ErrorPanel
        title="Not found"
        message="The cluster has no such object and Podtrail has no history of it. A pod that was deleted and replaced has a new name: find its workload on the board."
      />
    </AppShell>
  );
}
