// Plain log text as `kubectl logs` prints it: with or without --timestamps, with --prefix
// ("[pod/NAME/CONTAINER] ") or stern's "POD CONTAINER " prefix, several containers at once
// (--all-containers), and the kubectl messages that get pasted with it ("Defaulted container",
// "Error from server (BadRequest): container ... is waiting to start: ..."), which are facts
// about the pod rather than log lines.
import type { LogPiece, PodHint } from './facts';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})\s/;
const KUBECTL_PREFIX = /^\[pod\/([^/\]\s]+)\/([^\]\s]+)\]\s?/;
// A generated pod name: a StatefulSet ordinal or a ReplicaSet/Job hash suffix.
const POD_NAME = /^[a-z0-9][-a-z0-9]*-(?:\d+|[a-z0-9]{5}|[a-z0-9]{8,10}-[a-z0-9]{5})$/;
const STERN_PREFIX = /^(\S+) ([a-z0-9][-a-z0-9]*)\s+/;

const WAITING =
  /^Error from server \(\w+\): container "([^"]+)" in pod "([^"]+)" is waiting to start: (.+?)\s*$/;
const NO_PREVIOUS =
  /^Error from server \(\w+\): previous terminated container "([^"]+)" in pod "([^"]+)" not found/;
const CHOOSE =
  /^error: a container name must be specified for pod (\S+), choose one of: \[([^\]]*)\](?: or one of the init containers: \[([^\]]*)\])?/;
const DEFAULTED = /^Defaulted container "([^"]+)" out of: (.+)$/;
// The kubelet's own log line for a container in back-off (pod_workers.go "Error syncing pod"):
// "back-off 5m0s restarting failed container=C pod=NAME_NAMESPACE(UID)".
const KUBELET_BACKOFF =
  /(back-off \S+ restarting failed container=([^\s"\\]+) pod=([a-z0-9][-a-z0-9.]*)_([a-z0-9][-a-z0-9]*)\(([^)]+)\))/;
// The command line people paste above the output: "$ kubectl logs web-0 -c app --previous".
const COMMAND = /^\s*(?:\S*[$#>]\s*)?kubectl\s+(.*)$/;

/** What a log paste holds: log pieces per container (when known) and facts kubectl printed. */
export interface ParsedLog {
  logs: LogPiece[];
  hints: PodHint[];
  warnings: string[];
}

function commandLine(args: string, out: ParsedLog): { defaulted?: string } {
  const words = args.split(/\s+/);
  const flag = (short: string, long: string) => {
    const i = words.findIndex((w) => w === short || w === long);
    if (i >= 0) return words[i + 1];
    return words.find((w) => w.startsWith(`${long}=`))?.slice(long.length + 1);
  };
  const namespace = flag('-n', '--namespace');
  const container = flag('-c', '--container');
  const positional = words.filter((w, i) => !w.startsWith('-') && !/^-/.test(words[i - 1] ?? ''));
  const [verb, ...rest] = positional;
  const target =
    verb === 'logs' ? rest[0] : rest[0] && /^(po|pod|pods)$/.test(rest[0]) ? rest[1] : undefined;
  const name = target?.replace(/^(pod|pods|po)\//, '');
  if (name && /^[a-z0-9][-a-z0-9.]*$/.test(name)) {
    out.hints.push({
      name,
      namespace,
      container: verb === 'logs' ? container : undefined,
      statuses: [],
    });
  }
  return { defaulted: verb === 'logs' ? container : undefined };
}

function kubectlLine(line: string, out: ParsedLog): { defaulted?: string } | undefined {
  const command = COMMAND.exec(line);
  if (command?.[1]) return commandLine(command[1], out);
  const backoff = KUBELET_BACKOFF.exec(line);
  if (backoff && /Error syncing pod|pod_workers|CrashLoopBackOff/.test(line)) {
    const [, message, container, name, namespace] = backoff;
    out.hints.push({
      name,
      namespace,
      container,
      containerWaiting: 'CrashLoopBackOff',
      waitingMessage: message,
      statuses: [],
    });
    return {};
  }
  const waiting = WAITING.exec(line);
  if (waiting) {
    const [, container, name, reason] = waiting;
    out.hints.push({ name, container, containerWaiting: reason, statuses: [] });
    return {};
  }
  const none = NO_PREVIOUS.exec(line);
  if (none) {
    out.hints.push({ name: none[2], container: none[1], statuses: [] });
    out.warnings.push(`kubectl found no previous (crashed) instance of container ${none[1]}`);
    return {};
  }
  const choose = CHOOSE.exec(line);
  if (choose) {
    const list = (s: string | undefined) => (s ? s.split(/\s+/).filter(Boolean) : undefined);
    out.hints.push({
      name: choose[1],
      containers: list(choose[2]),
      initContainers: list(choose[3]),
      statuses: [],
    });
    return {};
  }
  const defaulted = DEFAULTED.exec(line);
  if (defaulted) return { defaulted: defaulted[1] };
  // kubectl run inside a container (a wait-for init container) prints the same words about the
  // objects it waits for: those are log lines, not the person's own kubectl error.
  if (/^Error from server \(NotFound\): (?!pods? )[\w.]+ "/.test(line)) return undefined;
  if (/^(Error from server|error: |Unable to connect to the server)/.test(line)) {
    out.warnings.push(`kubectl error in the log paste: ${line.slice(0, 120)}`);
    return {};
  }
  return undefined;
}

function sternPrefixed(lines: string[]): boolean {
  const content = lines.filter((l) => l.trim() !== '');
  return (
    content.length > 0 &&
    content.every((l) => {
      const m = STERN_PREFIX.exec(l);
      return m !== null && POD_NAME.test(m[1] ?? '');
    })
  );
}

/** Parses log text into pieces per container (unknown container when nothing says). */
export function parseLog(text: string): ParsedLog {
  const out: ParsedLog = { logs: [], hints: [], warnings: [] };
  const lines = text.split('\n');
  const stern = sternPrefixed(lines);
  let defaultContainer: string | undefined;
  let current: LogPiece | undefined;
  let stripped = 0;
  for (const raw of lines) {
    const fact = kubectlLine(raw.trim(), out);
    if (fact) {
      defaultContainer = fact.defaulted ?? defaultContainer;
      continue;
    }
    let line = raw;
    let pod: string | undefined;
    let container: string | undefined = defaultContainer;
    const prefix = KUBECTL_PREFIX.exec(line) ?? (stern ? STERN_PREFIX.exec(line) : null);
    if (prefix) {
      [pod, container] = [prefix[1], prefix[2]];
      line = line.slice(prefix[0].length);
    }
    if (TIMESTAMP.test(line)) {
      line = line.replace(TIMESTAMP, '');
      stripped++;
    }
    if (!current || current.container !== container || current.pod !== pod) {
      current = { text: line, pod, container };
      out.logs.push(current);
    } else {
      current.text += `\n${line}`;
    }
  }
  out.logs = out.logs.filter((p) => p.text.trim() !== '');
  for (const p of out.logs) p.text = p.text.replace(/\n+$/, '');
  if (stripped > 0)
    out.warnings.push(`removed kubectl --timestamps prefixes from ${stripped} log lines`);
  return out;
}
