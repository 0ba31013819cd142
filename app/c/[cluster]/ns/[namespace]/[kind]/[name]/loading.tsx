import { LoadingPanel } from '@/components/ui/state-panels';

export default function Loading() {
  return (
    <LoadingPanel
      what="the workload"
      from="its ReplicaSet revisions, pods (live and replaced) and findings"
    />
  );
}
