import { AppShell } from '@/components/ui/app-shell';
import { NotFoundPanel } from '@/components/ui/not-found-panel';

export default function NotFound() {
  return (
    <AppShell>
      <NotFoundPanel />
    </AppShell>
  );
}
