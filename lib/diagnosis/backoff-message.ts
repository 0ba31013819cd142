// Parses the kubelet's back-off texts. Formats (pkg/kubelet/kuberuntime/kuberuntime_manager.go
// doBackOff; format.Pod = `<name>_<namespace>(<uid>)`):
//   waiting.message  `back-off 40s restarting failed container=app pod=web-1_prod(uid)`
//                    (`Back-off 40s ...` in old kubelets)
//   BackOff event    `Back-off restarting failed container app in pod web-1_prod(uid)` (1.26+, PR #113216)
//                    `Back-off restarting failed container` (before 1.26)
import { parseGoDuration } from './go-duration';

/** What a back-off message says. */
export interface BackoffMessage {
  /** The wait now in force (only the waiting message carries it). */
  backoffMs?: number;
  container?: string;
  pod?: string;
  namespace?: string;
  uid?: string;
}

const WAITING =
  /back-?off\s+(\S+)\s+restarting failed container=(\S+)(?:\s+pod=([^\s_]+)_([^\s(]+)\(([^)\s]*)\))?/i;
const EVENT =
  /back-?off restarting failed container(?:\s+(\S+)\s+in pod\s+([^\s_]+)_([^\s(]+)\(([^)\s]*)\))?/i;

/** Parses a waiting message or BackOff event message; undefined if it is not a back-off text. */
export function parseBackoffMessage(message: string | undefined): BackoffMessage | undefined {
  if (!message) return undefined;
  const waiting = WAITING.exec(message);
  if (waiting) {
    return {
      backoffMs: parseGoDuration(waiting[1] ?? ''),
      container: waiting[2],
      pod: waiting[3],
      namespace: waiting[4],
      uid: waiting[5] || undefined,
    };
  }
  const event = EVENT.exec(message);
  if (!event) return undefined;
  return { container: event[1], pod: event[2], namespace: event[3], uid: event[4] || undefined };
}
