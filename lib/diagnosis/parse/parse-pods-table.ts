// `kubectl get pods` tables (plain, -o wide, -A, --watch) and a lone STATUS word
// ("Init:CreateContainerConfigError"). Rows are read by token, not column position: --watch
// prints each row with its own widths, and RESTARTS may read "3 (42s ago)" since kubectl 1.22.
import type { PodHint } from './facts';

const HEADER = /^\s*(NAMESPACE\s+)?NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\b/;
const ROW =
  /^\s*(?:([a-z0-9][-a-z0-9]*)\s+)?([a-z0-9][-a-z0-9.]*)\s+(\d+\/\d+)\s+([A-Za-z][\w:/-]*)\s+(\d+)(?:\s+\([^)]*\))?\s+(\S+)(?:\s+(\S+))?(?:\s+(\S+))?/;

// The STATUS words kubectl prints (k8s.io/kubectl/pkg/cmd/get printPod; container reasons from
// the kubelet), with an optional "Init:" prefix for init containers.
const STATUS_WORDS =
  'CrashLoopBackOff|ImagePullBackOff|ErrImagePull|ErrImageNeverPull|InvalidImageName|CreateContainerConfigError|CreateContainerError|RunContainerError|StartError|ContainerCreating|PodInitializing|ContainerStatusUnknown|Completed|Error|OOMKilled|Evicted|Pending|Running|Succeeded|Failed|Terminating|Unknown|NodeLost|Init:\\d+/\\d+';
const STATUS_WORD = new RegExp(`^(?:Init:)?(?:${STATUS_WORDS})$`);

/** True for a kubectl STATUS word, e.g. "CrashLoopBackOff" or "Init:CreateContainerConfigError". */
export function isStatusWord(text: string): boolean {
  return STATUS_WORD.test(text.trim());
}

/** True for a `kubectl get pods` header line. */
export function isPodsHeader(line: string): boolean {
  return HEADER.test(line);
}

/** True for a `kubectl get pods` row. */
export function isPodsRow(line: string): boolean {
  const m = ROW.exec(line);
  return m !== null && isStatusWord(m[4] ?? '') && !/^\s*(Normal|Warning)\s/.test(line);
}

/** Parses a `kubectl get pods` table into one hint per pod, rows of a --watch in order. */
export function parsePodsTable(text: string): { hints: PodHint[]; warnings: string[] } {
  const byPod = new Map<string, PodHint>();
  const warnings: string[] = [];
  let namespaced = false;
  let wide = false;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const header = HEADER.exec(line);
    if (header) {
      namespaced = header[1] !== undefined;
      wide = /\bNODE\b/.test(line);
      return;
    }
    const m = ROW.exec(line);
    if (!m || !isStatusWord(m[4] ?? '')) {
      warnings.push(`line ${i + 1}: not a pod row, skipped: ${line.trim().slice(0, 80)}`);
      return;
    }
    const [, first, name = '', ready, status = '', restarts, , ip, node] = m;
    const namespace = namespaced || first ? first : undefined;
    const key = `${namespace ?? ''}/${name}`;
    const hint = byPod.get(key) ?? { name, namespace, statuses: [] };
    hint.statuses.push(status);
    hint.restarts = Number(restarts);
    hint.ready = ready;
    if (wide && node && node !== '<none>' && ip) hint.nodeName = node;
    byPod.set(key, hint);
  });
  return { hints: [...byPod.values()], warnings };
}

/** Reads a paste that is only a STATUS word (what `kubectl get pods` showed). */
export function parseStatusWord(text: string): PodHint {
  return { statuses: [text.trim()] };
}
