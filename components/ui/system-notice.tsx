'use client';
// Problems of Podtrail itself that every page must mention (the history store could not be opened
// and was moved aside, or is not recording): read from /api/health, once a minute.
import { useQuery } from '@tanstack/react-query';
import { DatabaseZap } from 'lucide-react';

interface HealthJson {
  historyProblem?: string;
}

export function SystemNotice() {
  const { data } = useQuery({
    queryKey: ['podtrail-health'],
    queryFn: async (): Promise<HealthJson> => {
      const response = await fetch('/api/health');
      return response.ok ? ((await response.json()) as HealthJson) : {};
    },
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  if (!data?.historyProblem) return null;
  return (
    <div
      role="alert"
      data-testid="history-problem"
      className="flex w-full items-start gap-2 bg-amber-100 px-4 py-2 text-sm font-semibold text-amber-950"
    >
      <DatabaseZap aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{data.historyProblem}</span>
    </div>
  );
}
