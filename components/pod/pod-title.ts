// The pod page's title, one wording for the server's <title> and the live tab title.
import type { PodDiagnosis } from '@/lib/diagnosis';

/** `name — status · N restarts` (the layout's template adds ` · Podtrail`). */
export function podTitle(d: Pick<PodDiagnosis, 'pod'>): string {
  return `${d.pod.name} — ${d.pod.status} · ${d.pod.restarts} restarts`;
}
