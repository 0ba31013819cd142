import { LoadingPanel } from '@/components/ui/state-panels';

export default function Loading() {
  return (
    <LoadingPanel
      what="the board"
      from="every cluster's pods, events and owners from Podtrail's watch caches"
    />
  );
}
