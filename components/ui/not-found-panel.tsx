'use client';

import { usePathname } from 'next/navigation';
import { ErrorPanel } from './state-panels';

/** Names the object of a /c/{cluster}/ns/{namespace}/… path, if it is one. */
export function describeMissing(path: string): string | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'c' || parts[2] !== 'ns' || parts.length < 6) return undefined;
  const [, cluster, , namespace, kind, name] = parts;
  const what = kind === 'pods' ? `Pod ${namespace}/${name}` : `${kind} ${namespace}/${name}`;
  return `${what} is not in cluster "${cluster}"${kind === 'pods' ? ' and Podtrail has no history of it' : ''}.`;
}

/** The not-found page: names what was asked for (from the URL) and where to look instead. */
export function NotFoundPanel() {
  const path = usePathname() ?? '';
  const missing = describeMissing(path);
  return (
    <ErrorPanel
      title={missing ? `Not found: ${missing.split(' is not')[0]}` : 'Not found'}
      message={`${missing ?? `Nothing at ${path}.`} A pod that was deleted and replaced has a new name: find its workload on the board.`}
    />
  );
}
