/**
 * GET pods/{name}/log: the API server's container checks (pkg/registry/core/pod/strategy.go
 * LogLocation) and the kubelet's (kubelet_pods.go validateContainerLogStatus) with their exact
 * messages, then PodLogOptions: previous, tailLines, limitBytes, timestamps, sinceSeconds,
 * sinceTime, follow.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kubelet } from '../kubelet/kubelet';
import { renderLines, type RenderedLine } from '../kubelet/log-store';
import type { Instance } from '../kubelet/pod-status';
import { rfc3339Nano } from '../sim/time-format';
import type { ObjectStore } from '../store/object-store';
import { boolParam, intParam } from './http-util';
import { badRequest, notFound } from './status';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- pod JSON

/** Finds the instance whose log the kubelet would serve, or throws the kubelet's 400. */
function pickContainerId(pod: Any, container: string, previous: boolean): string {
  const podName = pod.metadata.name as string;
  const cs = ((pod.status?.containerStatuses ?? []) as Any[]).find((c) => c.name === container);
  if (!cs) throw badRequest(`container "${container}" in pod "${podName}" is not available`);
  const last = cs.lastState?.terminated;
  const state = cs.state ?? {};
  if (previous) {
    if (!last?.containerID)
      throw badRequest(
        `previous terminated container "${container}" in pod "${podName}" not found`,
      );
    return last.containerID;
  }
  if (state.running) return cs.containerID;
  if (state.terminated) {
    if (!state.terminated.containerID)
      throw badRequest(`container "${container}" in pod "${podName}" is terminated`);
    return state.terminated.containerID;
  }
  if (last) {
    if (!last.containerID)
      throw badRequest(`container "${container}" in pod "${podName}" is terminated`);
    return last.containerID;
  }
  const reason = state.waiting?.reason;
  if (reason === 'ErrImagePull')
    throw badRequest(
      `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`,
    );
  if (reason === 'ImagePullBackOff')
    throw badRequest(
      `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`,
    );
  if (reason)
    throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  throw badRequest(
    `container "${container}" in pod "${podName}" is waiting to start - no logs yet`,
  );
}

function format(lines: RenderedLine[], timestamps: boolean): string {
  return lines
    .map((l) => (timestamps ? `${rfc3339Nano(l.time)} ${l.text}\n` : `${l.text}\n`))
    .join('');
}

/** Serves a pod log request. */
export function serveLogs(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: ObjectStore; kubelet: Kubelet; now: () => number },
  namespace: string,
  podName: string,
  q: URLSearchParams,
): void {
  const pod = deps.store.get('pods', namespace, podName) as Any | undefined;
  if (!pod) throw notFound('', 'pods', podName);
  const names = ((pod.spec?.containers ?? []) as Any[]).map((c) => c.name as string);
  let container = q.get('container') ?? '';
  if (!container) {
    if (names.length !== 1)
      throw badRequest(
        `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]`,
      );
    container = names[0] ?? '';
  } else if (!names.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${podName}`);
  }
  const tailLines = intParam(q, 'tailLines');
  const limitBytes = intParam(q, 'limitBytes');
  const sinceSeconds = intParam(q, 'sinceSeconds');
  const sinceTime = q.get('sinceTime');
  if (sinceSeconds !== undefined && sinceSeconds < 1)
    throw badRequest(
      'PodLogOptions.core "" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0',
    );
  if (tailLines !== undefined && tailLines < 0)
    throw badRequest(
      'PodLogOptions.core "" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0',
    );
  const timestamps = boolParam(q, 'timestamps');
  const previous = boolParam(q, 'previous');
  const follow = boolParam(q, 'follow') && !previous;
  res.setHeader('Content-Type', 'text/plain');
  if (!pod.spec?.nodeName) {
    res.writeHead(200);
    res.end();
    return;
  }
  const id = pickContainerId(pod, container, previous).replace('containerd://', '');
  const rt = deps.kubelet.pods.get(pod.metadata.uid);
  const inst: Instance | undefined = rt?.containers
    .get(container)
    ?.instances.find((i) => i.id === id);
  if (!inst) throw badRequest(`container "${container}" in pod "${podName}" is not available`);
  const now = deps.now();
  const from =
    sinceSeconds !== undefined
      ? now - sinceSeconds * 1000
      : sinceTime
        ? Date.parse(sinceTime)
        : -Infinity;
  let lines = renderLines(inst, now).filter((l) => l.time >= from);
  if (tailLines !== undefined) lines = tailLines === 0 ? [] : lines.slice(-tailLines);
  let body = format(lines, timestamps);
  if (limitBytes !== undefined && limitBytes > 0)
    body = Buffer.from(body).subarray(0, limitBytes).toString('utf8');
  if (!follow) {
    res.writeHead(200, { 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.writeHead(200, { 'Transfer-Encoding': 'chunked' });
  res.write(body);
  // Track by time, not count: the rendered window of a long-running app slides.
  let sentUntil = now;
  let bytes = Buffer.byteLength(body);
  const timer = setInterval(() => {
    const at = deps.now();
    const fresh = renderLines(inst, at).filter((l) => l.time > sentUntil);
    sentUntil = Math.min(at, inst.finishedAt ?? at);
    if (fresh.length) {
      const chunk = format(fresh, timestamps);
      bytes += Buffer.byteLength(chunk);
      res.write(chunk);
    }
    if (inst.finishedAt !== undefined || (limitBytes && bytes >= limitBytes)) stop();
  }, 200);
  const stop = () => {
    clearInterval(timer);
    res.end();
  };
  req.on('close', stop);
}
