// The baseline: the naive design many dashboards use. Every page request lists pods and events
// from the API server and computes the answer; every open page polls (5 s after its last answer).
// It reuses lib/diagnosis so the two differ only in design, not in what they compute. A bench
// script, not a second product: no caches, no watches, no live stream.
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { parse } from 'yaml';
import { diagnosePod, summarizeForBoard, type EventLike, type PodLike } from '../lib/diagnosis';

const [kubeconfigPath = '', portText = '0'] = process.argv.slice(2);
const kubeconfig = parse(readFileSync(kubeconfigPath, 'utf8')) as {
  clusters: Array<{ cluster: { server: string } }>;
};
const server = kubeconfig.clusters[0]?.cluster.server ?? '';

/** A request to the API server, named so its requests are counted apart from Podtrail's. */
function apiFetch(url: string): Promise<Response> {
  return fetch(url, { headers: { 'User-Agent': 'naive-dashboard/1' } });
}

async function getJson<T>(path: string): Promise<T> {
  const response = await apiFetch(`${server}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Lists every page (limit 500, as kubectl does). */
async function listAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let next = '';
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await getJson<{ items: T[]; metadata: { continue?: string } }>(
      `${path}${sep}limit=500${next ? `&continue=${encodeURIComponent(next)}` : ''}`,
    );
    items.push(...page.items);
    next = page.metadata.continue ?? '';
  } while (next);
  return items;
}

async function board() {
  const [pods, events] = await Promise.all([
    listAll<PodLike>('/api/v1/pods'),
    listAll<EventLike>('/api/v1/events'),
  ]);
  const byPod = new Map<string, EventLike[]>();
  for (const e of events) {
    const uid = e.involvedObject?.uid ?? '';
    byPod.set(uid, [...(byPod.get(uid) ?? []), e]);
  }
  const now = Date.now();
  const rows = pods.flatMap((pod) => {
    const diagnosis = diagnosePod({ pod, events: byPod.get(pod.metadata.uid ?? '') ?? [], now });
    const summary = summarizeForBoard(diagnosis);
    if (summary.healthy || diagnosis.findings.length === 0) return [];
    return [
      {
        namespace: pod.metadata.namespace,
        pod: pod.metadata.name,
        restarts: diagnosis.pod.restarts,
        severity: summary.severity,
      },
    ];
  });
  return { generatedAt: now, rows };
}

async function pod(namespace: string, name: string) {
  const base = `/api/v1/namespaces/${namespace}`;
  const [object, events] = await Promise.all([
    getJson<PodLike>(`${base}/pods/${name}`),
    listAll<EventLike>(
      `${base}/events?fieldSelector=${encodeURIComponent(`involvedObject.name=${name}`)}`,
    ),
  ]);
  const logs: Record<string, { previous?: string }> = {};
  for (const s of object.status?.containerStatuses ?? []) {
    if (!s.restartCount) continue;
    const response = await apiFetch(
      `${server}${base}/pods/${name}/log?container=${s.name}&previous=true&tailLines=500`,
    );
    logs[s.name] = { previous: response.ok ? await response.text() : undefined };
  }
  await apiFetch(
    `${server}/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods/${name}`,
  ).catch(() => undefined);
  const diagnosis = diagnosePod({ pod: object, events, logs, now: Date.now() });
  return { restarts: diagnosis.pod.restarts, findings: diagnosis.findings.length };
}

const page = (script: string) => `<!doctype html><meta charset="utf-8"><title>naive</title>
<p id="status">loading</p><table id="rows"></table><script>${script}</script>`;

const boardPage = page(`
async function poll() {
  try {
    const board = await (await fetch('/board.json')).json();
    const rows = document.getElementById('rows');
    rows.innerHTML = board.rows.map((r) => '<tr data-restarts="' + r.restarts + '"><td>' + r.namespace + '/' + r.pod + '</td><td>' + r.restarts + '</td></tr>').join('');
    document.getElementById('status').textContent = board.rows.length + ' rows';
  } finally { setTimeout(poll, 5000); }
}
poll();`);

const podPage = page(`
async function poll() {
  try {
    const view = await (await fetch('/pod.json' + location.search)).json();
    document.getElementById('status').textContent = view.restarts + ' restarts';
  } finally { setTimeout(poll, 5000); }
}
poll();`);

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://naive');
  const json = (work: Promise<unknown>) =>
    work.then(
      (body) => send(res, 200, 'application/json', JSON.stringify(body)),
      (error: unknown) =>
        send(res, 502, 'application/json', JSON.stringify({ error: String(error) })),
    );
  if (url.pathname === '/health') return send(res, 200, 'text/plain', 'ok');
  if (url.pathname === '/') return send(res, 200, 'text/html', boardPage);
  if (url.pathname === '/pod') return send(res, 200, 'text/html', podPage);
  if (url.pathname === '/board.json') return void json(board());
  if (url.pathname === '/pod.json')
    return void json(
      pod(url.searchParams.get('namespace') ?? '', url.searchParams.get('name') ?? ''),
    );
  send(res, 404, 'text/plain', 'not found');
}).listen(Number(portText), '127.0.0.1');
