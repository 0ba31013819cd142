import { LoadingPanel } from '@/components/ui/state-panels';

export default function Loading() {
  return (
    <LoadingPanel
      what="the pod"
      from="its status, events, previous container log and recorded history from the cluster"
    />
  );
}
