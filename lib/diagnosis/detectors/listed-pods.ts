// A pasted `kubectl get pods` table with several failing pods: one finding per failing pod from
// its STATUS word and RESTARTS (what kubectl's printPod shows; the words are the kubelet's
// container reasons), ranked so that the pod whose status names a cause outright comes first —
// a start failure (image pull, missing ConfigMap/Secret) before an init container that blocks,
// before crash loops (more restarts first), before pods still waiting. The diagnosed pod (the
// one the other pastes are about) has its own findings; these say which other pod to look at.
import { describeCommand, eventsCommand, previousLogsCommand } from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import type { Finding, ListedPod } from '../types';
import type { DetectorContext } from './context';
import type { QuietCheck } from './plain-pod';

interface StatusCause {
  category: string;
  meaning: string;
  /** Lower is looked at first. */
  rank: number;
}

const START_FAILURE: Record<string, StatusCause> = {
  ImagePullBackOff: { category: 'image-pull', meaning: 'its image cannot be pulled', rank: 0 },
  ErrImagePull: { category: 'image-pull', meaning: 'its image cannot be pulled', rank: 0 },
  InvalidImageName: { category: 'image-pull', meaning: 'its image name is invalid', rank: 0 },
  ErrImageNeverPull: {
    category: 'image-pull',
    meaning: 'its image is not on the node and imagePullPolicy is Never',
    rank: 0,
  },
  CreateContainerConfigError: {
    category: 'create-config-error',
    meaning: 'a ConfigMap, Secret or key it references is missing (or runAsNonRoot refuses it)',
    rank: 0,
  },
  CreateContainerError: {
    category: 'bad-command',
    meaning: 'the runtime cannot create its container',
    rank: 1,
  },
  RunContainerError: {
    category: 'bad-command',
    meaning: 'the runtime cannot start its process',
    rank: 1,
  },
  StartError: { category: 'bad-command', meaning: 'the runtime cannot start its process', rank: 1 },
  OOMKilled: { category: 'oom-killed', meaning: 'it was killed for memory', rank: 2 },
};

function causeOf(status: string, restarts: number): StatusCause | undefined {
  const init = status.startsWith('Init:');
  const word = init ? status.slice(5) : status;
  const start = START_FAILURE[word];
  if (start) return init ? { ...start, rank: start.rank + 1 } : start;
  if (init && /^\d+\/\d+$/.test(word))
    return { category: 'init-container', meaning: 'an init container has not finished', rank: 5 };
  if (init)
    return { category: 'init-container', meaning: 'an init container keeps failing', rank: 3 };
  if (word === 'Completed' && restarts > 0)
    return { category: 'exits-zero', meaning: 'its main process exits 0 and restarts', rank: 4 };
  if (word === 'CrashLoopBackOff' || word === 'Error')
    return {
      category: 'not-enough-evidence',
      meaning: 'it crashes; its previous log says why',
      rank: 4,
    };
  if (word === 'Pending' || word === 'ContainerCreating' || word === 'PodInitializing')
    return {
      category: 'not-enough-evidence',
      meaning: 'it has not started; read its events',
      rank: 6,
    };
  return undefined;
}

function failing(pod: ListedPod): StatusCause | undefined {
  const status = pod.statuses[pod.statuses.length - 1] ?? '';
  const restarts = pod.restarts ?? 0;
  // A --watch that went through a crash (Completed → CrashLoopBackOff) counts as restarting.
  const seenCompleted = pod.statuses.includes('Completed') && status === 'CrashLoopBackOff';
  if (seenCompleted)
    return { category: 'exits-zero', meaning: 'its main process exits 0 and restarts', rank: 4 };
  return causeOf(status, restarts);
}

function finding(ctx: DetectorContext, pod: ListedPod, cause: StatusCause, order: number): Finding {
  const status = pod.statuses[pod.statuses.length - 1] ?? '';
  const t = {
    namespace: pod.namespace ?? ctx.namespace,
    pod: pod.name,
    cluster: ctx.input.cluster,
  };
  const restarts = pod.restarts ? `, ${pod.restarts} restart${pod.restarts > 1 ? 's' : ''}` : '';
  return makeFinding({
    id: `listed-pod-${cause.category}`,
    category: cause.category,
    severity: 'warning',
    title: `Pod ${pod.name} is ${status}${restarts}: ${cause.meaning}`,
    explanation: `The pasted pods table also lists ${pod.name} (READY ${pod.ready ?? '?'}, STATUS ${status}${restarts}). That status alone ${cause.category === 'not-enough-evidence' ? 'does not say why' : 'names the cause class'}; ${order === 0 ? 'of the other failing pods, look at this one first.' : 'diagnose it with its own describe and previous log.'}`,
    evidence: [
      {
        kind: 'field',
        text: `${pod.name}  ${pod.ready ?? ''}  ${pod.statuses.join(' → ')}  ${pod.restarts ?? ''}`.trim(),
        path: 'status',
      },
    ],
    doNext: [
      `Describe it and read its events: \`${describeCommand(t).command}\``,
      `Read its crashed container's log: \`${previousLogsCommand(t).command}\``,
    ],
    dont: [DONT_DELETE_POD],
    commands: [describeCommand(t), previousLogsCommand(t), eventsCommand(t)],
    priority: 30 - cause.rank,
    pod: pod.name,
  });
}

/** One finding per failing pod of a pasted pods table (other than the diagnosed pod), ranked. */
/** Quiet when no other pod was listed beside this one. */
export const listedPodsQuiet: QuietCheck = (p) => !p.input.listedPods?.length;

export function detectListedPods(ctx: DetectorContext): Finding[] {
  const rows = (ctx.input.listedPods ?? [])
    .filter((p) => p.name !== ctx.podName)
    .map((p) => ({ pod: p, cause: failing(p) }))
    .filter((r): r is { pod: ListedPod; cause: StatusCause } => r.cause !== undefined)
    .sort((a, b) => a.cause.rank - b.cause.rank || (b.pod.restarts ?? 0) - (a.pod.restarts ?? 0));
  return rows.map((r, i) => finding(ctx, r.pod, r.cause, i));
}
