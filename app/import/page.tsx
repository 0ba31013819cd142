import type { Metadata } from 'next';
import { AppShell } from '@/components/ui/app-shell';
import { ImportWorkbench } from '@/components/import/import-workbench';

export const metadata: Metadata = {
  title: 'Import',
  description: 'Diagnose a pod from pasted kubectl output, offline.',
};

/** Import: paste or drop kubectl output and get the pod page, with no cluster. */
export default function ImportPage() {
  return (
    <AppShell>
      <div className="flex flex-col gap-4 py-4">
        <h1 className="mx-auto w-full max-w-6xl px-3 text-2xl font-bold sm:px-6">
          Import kubectl output
        </h1>
        <ImportWorkbench />
      </div>
    </AppShell>
  );
}
