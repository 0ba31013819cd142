// Typed fetchers for app/api/*. Components never call fetch themselves.
import type { BoardView, PodView, UploadDiagnosis } from '../views/types';
import type { Severity } from '../diagnosis';
import { ApiError } from './api-error';

/** Filters of the board (all optional). */
export interface BoardFilters {
  cluster?: string;
  namespace?: string;
  severity?: Severity;
}

/** Names a pod. */
export interface PodRef {
  cluster: string;
  namespace: string;
  name: string;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { Accept: 'application/json', ...init?.headers },
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; line?: number };
  if (!response.ok)
    throw new ApiError(response.status, body.error ?? `HTTP ${response.status}`, body.line);
  return body as T;
}

function query(params: Record<string, string | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

/** The path of a pod's API resource. */
export function podPath(ref: PodRef): string {
  return `/api/clusters/${enc(ref.cluster)}/namespaces/${enc(ref.namespace)}/pods/${enc(ref.name)}`;
}

/** GET /api/board. */
export function fetchBoard(filters: BoardFilters): Promise<BoardView> {
  return getJson(`/api/board${query({ ...filters })}`);
}

/** GET one pod's view. */
export function fetchPod(ref: PodRef): Promise<PodView> {
  return getJson(podPath(ref));
}

/** POST /api/diagnose with pasted or uploaded files. */
export function postDiagnose(
  files: Array<{ name: string; text: string }>,
): Promise<UploadDiagnosis> {
  return getJson('/api/diagnose', {
    method: 'POST',
    body: JSON.stringify({ files }),
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The /api/stream URL of a scope. */
export function streamUrl(
  scope: { type: 'board'; filters: BoardFilters } | { type: 'pod'; ref: PodRef },
): string {
  if (scope.type === 'board') return `/api/stream${query({ scope: 'board', ...scope.filters })}`;
  const { cluster, namespace, name } = scope.ref;
  return `/api/stream${query({ scope: 'pod', cluster, namespace, pod: name })}`;
}
