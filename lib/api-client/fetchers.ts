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

/** What a page reads of GET /api/health (the rest is for probes and people). */
export interface HealthSummary {
  /** Readiness: false (HTTP 503) while no cluster answers. */
  ok?: boolean;
  /** The history store could not be opened or is not recording (every page says so). */
  historyProblem?: string;
  contact?: Array<{
    cluster: string;
    state: 'unknown' | 'ok' | 'unreachable';
    lastContactAt?: number;
    unreachableSince?: number;
    /** Another cluster answered at this cluster's address (its kube-system UID changed). */
    identityChange?: { at: number };
    /** The cluster's resourceVersion went back (restored from an older state). */
    rewind?: { at: number };
  }>;
}

/**
 * The body of an /api/health answer, whatever its status: readiness answers 503 while no cluster
 * is reachable, and that answer still says what else is wrong (the history store).
 */
export async function readHealth(response: Response): Promise<HealthSummary> {
  const body: unknown = await response.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null)
    throw new ApiError(response.status, `health: HTTP ${response.status} without a JSON body`);
  return body as HealthSummary;
}

/** GET /api/health. */
export async function fetchHealth(): Promise<HealthSummary> {
  return readHealth(await fetch('/api/health', { headers: { Accept: 'application/json' } }));
}

/** The /api/stream URL of a scope. */
export function streamUrl(
  scope: { type: 'board'; filters: BoardFilters } | { type: 'pod'; ref: PodRef },
): string {
  if (scope.type === 'board') return `/api/stream${query({ scope: 'board', ...scope.filters })}`;
  const { cluster, namespace, name } = scope.ref;
  return `/api/stream${query({ scope: 'pod', cluster, namespace, pod: name })}`;
}
