// "The crash started with the new image": the pod's revision runs another image than an earlier
// ReplicaSet of the same Deployment, and that earlier revision ran without crashing (it still has
// ready pods, or history saw its pods run with no failed exit). It says when and with what the
// crashes began, not why; specific causes read from the log outrank it.
import { rolloutHistoryCommand, standardCommands } from '../commands';
import { DONT_DELETE_POD, DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import { ownReplicaSet, replicaSets, revisionOf } from '../revisions';
import type { ContainerTimeline, Evidence, Finding, WorkloadLike } from '../types';
import { type DetectorContext, lastTerminated, targetOf } from './context';
import { isFailing, START_FAILURES } from './crash-state';
import type { QuietCheck } from './plain-pod';

function imageIn(rs: WorkloadLike, container: string): string | undefined {
  return rs.spec?.template?.spec?.containers.find((c) => c.name === container)?.image;
}

function count(status: WorkloadLike['status'], field: string): number {
  const v = status?.[field];
  return typeof v === 'number' ? v : 0;
}

/** Why we believe the ReplicaSet ran fine, or undefined when nothing shows it. */
function ranWithoutCrashing(ctx: DetectorContext, rs: WorkloadLike): string | undefined {
  const name = rs.metadata.name ?? '';
  const history = ctx.input.history;
  const pods = (history?.pods ?? []).filter((p) => p.ownerName === name);
  const uids = new Set(pods.map((p) => p.uid));
  const crashed = (history?.terminations ?? []).some(
    (t) => t.exitCode !== 0 && (uids.has(t.podUid) || t.podName.startsWith(`${name}-`)),
  );
  if (crashed) return undefined;
  const ready = Math.max(count(rs.status, 'readyReplicas'), count(rs.status, 'availableReplicas'));
  if (ready > 0) return `ReplicaSet ${name} still has ${ready} ready pod${ready > 1 ? 's' : ''}`;
  if (pods.length > 0)
    return `history saw ${pods.length} pod${pods.length > 1 ? 's' : ''} of ReplicaSet ${name} run with no failed exit`;
  return undefined;
}

function crashing(c: ContainerTimeline): boolean {
  // Start failures have their own, more specific detectors; this is about a process that ran.
  if (!isFailing(c) || START_FAILURES.has(c.state)) return false;
  const last = lastTerminated(c);
  return c.state === 'CrashLoopBackOff' || (!!last && last.exitCode !== 0);
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline, own: WorkloadLike): Finding[] {
  const image = imageIn(own, c.name);
  if (!image || !crashing(c)) return [];
  const n = revisionOf(own) ?? Infinity;
  const earlier = replicaSets(ctx.input).filter(
    (rs) => rs !== own && (revisionOf(rs) ?? 0) < n && imageIn(rs, c.name) !== undefined,
  );
  for (const rs of earlier) {
    const before = imageIn(rs, c.name);
    const why = before && before !== image ? ranWithoutCrashing(ctx, rs) : undefined;
    if (why && before) return [finding(ctx, c, { own, rs, image, before, why })];
  }
  return [];
}

interface Upgrade {
  own: WorkloadLike;
  rs: WorkloadLike;
  image: string;
  before: string;
  why: string;
}

function finding(ctx: DetectorContext, c: ContainerTimeline, u: Upgrade): Finding {
  const t = targetOf(ctx, c.name);
  const deployment = ctx.input.owners?.find((o) => o.kind === 'Deployment')?.metadata.name;
  const last = lastTerminated(c);
  const evidence: Evidence[] = [
    {
      kind: 'spec',
      text: `image ${u.before} (revision ${revisionOf(u.rs) ?? '?'}) → ${u.image} (revision ${revisionOf(u.own) ?? '?'})`,
      container: c.name,
    },
    { kind: 'field', text: u.why },
  ];
  if (last?.exitCode !== undefined)
    evidence.push({
      kind: 'field',
      text: `exitCode: ${last.exitCode}${last.reason ? `, reason: ${last.reason}` : ''}`,
      container: c.name,
      runId: last.id,
    });
  return makeFinding({
    id: 'crash-started-with-new-image',
    category: 'crash-after-upgrade',
    severity: 'critical',
    title: `The crashes started with the new image ${u.image}; ${u.before} ran without crashing`,
    explanation: `Revision ${revisionOf(u.own) ?? '?'} moved ${c.name} from ${u.before} to ${u.image} and this container crashes, while the earlier revision ran (${u.why}). Something the new version does differently is the cause: config or env it now needs, an option it dropped, a CPU or architecture it requires, data it migrates. The crashed container's log says which: read it with \`kubectl logs --previous\`.`,
    container: c.name,
    evidence,
    doNext: [
      `Read the crashed container's log (\`kubectl logs --previous\`) and the release notes between ${u.before} and ${u.image}.`,
      'Fix what the new version needs and roll forward; roll back only as a stopgap once the cause is known.',
    ],
    dont: [DONT_ROLLBACK_BLIND, DONT_DELETE_POD],
    commands: [
      ...standardCommands(t),
      ...(deployment ? [rolloutHistoryCommand(t, 'Deployment', deployment)] : []),
    ],
    priority: 58,
  });
}

/** Always quiet on a plain pod: only a crashing container is judged. */
export const crashAfterUpgradeQuiet: QuietCheck = () => true;

/** Detects crashes that began with a new image while the previous image's revision ran fine. */
export function detectCrashAfterUpgrade(ctx: DetectorContext): Finding[] {
  const own = ownReplicaSet(ctx.input);
  if (!own) return [];
  return ctx.containers.filter((c) => !c.init).flatMap((c) => forContainer(ctx, c, own));
}
