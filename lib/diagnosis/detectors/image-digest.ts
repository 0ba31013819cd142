// "Is this the image we expect?": the running digest against the expected one (registry look-up
// or annotation), pods of one owner running different digests of the same tag (a mutable tag
// with IfNotPresent), and a revision whose config changed while the image stayed the old one
// (anti-primer #3: the new ConfigMap expects new code that was never built).
import { standardCommands } from '../commands';
import { makeFinding } from '../finding';
import { normalizeDigest, parseImageRef, runningDigest, shortDigest } from '../image-facts';
import { ownReplicaSet, previousRevision, revisionOf } from '../revisions';
import { diffPodTemplates } from '../template-diff';
import type { ContainerTimeline, Finding, TemplateChange, WorkloadLike } from '../types';
import { type DetectorContext, targetOf } from './context';
import { isFailing } from './crash-state';
import type { PlainPod, QuietCheck } from './plain-pod';

function expectedMismatch(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const exp = c.expectedDigest;
  if (!exp || exp.matches || !c.imageDigest) return [];
  const failing = isFailing(c);
  return [
    makeFinding({
      id: 'image-digest-mismatch',
      category: 'image-mismatch',
      severity: failing ? 'critical' : 'warning',
      title: `Running ${shortDigest(c.imageDigest)}, expected ${shortDigest(exp.digest)} for ${c.image ?? 'the tag'}`,
      explanation: `The container runs a different image than the tag points to now (per the ${exp.source}). The node reused an older pull (imagePullPolicy IfNotPresent with a moved tag), or the new image was never pushed under this tag.${failing ? ' If the config changed for the new code, the old code crashing on it is expected.' : ''}`,
      container: c.name,
      evidence: [
        {
          kind: 'field',
          text: `imageID: ${c.imageID ?? ''}`,
          path: `status.containerStatuses[${c.name}].imageID`,
          container: c.name,
        },
        { kind: 'field', text: `expected ${exp.digest} (${exp.source})`, container: c.name },
      ],
      doNext: [
        'Pin the image by digest (or a unique tag per build) and make sure CI builds and pushes before it deploys.',
      ],
      dont: ["Don't retag and hope: with IfNotPresent, nodes keep the digest they already have."],
      commands: standardCommands(targetOf(ctx, c.name)),
      priority: failing ? 88 : 50,
    }),
  ];
}

/** A pod of the same owner running another digest of the same tag. */
export interface SiblingDigest {
  pod: string;
  node?: string;
  digest?: string;
}

/** Pods of the same owner that run the container's tag at a different digest. */
export function differingSiblings(ctx: DetectorContext, c: ContainerTimeline): SiblingDigest[] {
  if (!c.image || !c.imageDigest) return [];
  const tag = parseImageRef(c.image);
  const others = (ctx.input.siblings ?? []).flatMap((p) =>
    (p.status?.containerStatuses ?? [])
      .filter(
        (s) =>
          s.name === c.name &&
          s.image &&
          parseImageRef(s.image).repository === tag.repository &&
          parseImageRef(s.image).tag === tag.tag,
      )
      .map((s) => ({
        pod: p.metadata.name ?? '',
        node: p.spec?.nodeName,
        digest: runningDigest(s.imageID),
      })),
  );
  return others.filter((o) => o.digest && o.digest !== c.imageDigest);
}

function siblingDrift(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const differing = differingSiblings(ctx, c);
  if (!c.imageDigest || differing.length === 0) return [];
  const digests = new Set([c.imageDigest, ...differing.map((d) => d.digest)]);
  return [
    makeFinding({
      id: 'image-tag-drift',
      category: 'image-mismatch',
      severity: 'warning',
      title: `${digests.size} different images run under ${c.image}`,
      explanation: `Pods of the same owner run different digests of the same tag: the tag was moved and nodes that had pulled it before kept the old image (IfNotPresent). This pod runs ${shortDigest(c.imageDigest)}; ${differing.map((d) => `${d.pod}${d.node ? ` on ${d.node}` : ''} runs ${shortDigest(d.digest ?? '')}`).join(', ')}.`,
      container: c.name,
      evidence: [
        { kind: 'field', text: `imageID: ${c.imageID ?? ''}`, container: c.name },
        ...differing
          .slice(0, 4)
          .map((d) => ({ kind: 'field' as const, text: `${d.pod}: ${d.digest}` })),
      ],
      doNext: [
        'Deploy by digest or with unique tags; set imagePullPolicy Always only as a stopgap.',
      ],
      commands: standardCommands(targetOf(ctx, c.name)),
      priority: 45,
    }),
  ];
}

/** The pod's revision and the one before it, when the template changed config but not the image. */
export function configChangeWithoutImage(
  ctx: DetectorContext,
): { own: WorkloadLike; prev: WorkloadLike; config: TemplateChange[] } | undefined {
  const own = ownReplicaSet(ctx.input);
  const prev = own ? previousRevision(ctx.input, own) : undefined;
  if (!own || !prev) return undefined;
  const changes = diffPodTemplates(prev.spec?.template?.spec, own.spec?.template?.spec);
  const config = changes.filter((x) => x.field === 'env' || x.field === 'configRef');
  if (config.length === 0 || changes.some((x) => x.field === 'image')) return undefined;
  return { own, prev, config };
}

function configWithoutImage(ctx: DetectorContext): Finding[] {
  const change = configChangeWithoutImage(ctx);
  if (!change || !ctx.containers.some(isFailing)) return [];
  const { own, prev, config } = change;
  return [
    makeFinding({
      id: 'config-changed-image-not',
      category: 'image-mismatch',
      severity: 'warning',
      title: `Revision ${revisionOf(own) ?? '?'} changed config but not the image`,
      explanation: `Between revision ${revisionOf(prev) ?? '?'} and ${revisionOf(own) ?? '?'} the pod template changed ${config.map((x) => `${x.field} ${x.before ?? ''}${x.after ? ` → ${x.after}` : ' removed'}`).join('; ')} while the image stayed the same. If the new config was written for new code, that code was never built or deployed.`,
      evidence: config.slice(0, 4).map((x) => ({
        kind: 'spec' as const,
        text: `${x.field}: ${x.before ?? '∅'} → ${x.after ?? '∅'}`,
        container: x.container,
      })),
      doNext: [
        'Check CI built and pushed the image for this change, and that the Deployment references it.',
      ],
      commands: standardCommands(targetOf(ctx, ctx.containers[0]?.name)),
      priority: 60,
    }),
  ];
}

// Whether a sibling's status may run another digest of the container's tag: differingSiblings
// without the tag comparison (an identical imageID is the same digest; no digest, no drift).
// Loops, not closures: it runs for every container of nearly every pod of the board.
function mayDrift(p: PlainPod, name: string, imageID: string): boolean {
  for (const sibling of p.input.siblings ?? []) {
    for (const o of sibling.status?.containerStatuses ?? []) {
      if (o.name !== name || o.imageID === imageID || !o.image) continue;
      const other = runningDigest(o.imageID);
      const own = runningDigest(imageID);
      if (other && own && other !== own) return true;
    }
  }
  return false;
}

function mayMismatch(p: PlainPod, name: string, imageID: string | undefined): boolean {
  if (!imageID) return false;
  const expected = p.input.expectedImages?.[name];
  if (expected) {
    const own = runningDigest(imageID);
    const digest = normalizeDigest(expected.digest);
    if (own && digest && own !== digest) return true;
  }
  return mayDrift(p, name, imageID);
}

/**
 * Quiet on a plain pod (nothing fails, so config-without-image is silent) when each container
 * runs the digest it is expected to and no sibling may run another digest of it.
 */
export const imageMismatchQuiet: QuietCheck = (p) => {
  for (const r of p.refs) if (mayMismatch(p, r.name, r.status?.imageID)) return false;
  return true;
};

/** Detects image digest surprises: expected vs running, drift across pods, config without image. */
export function detectImageMismatch(ctx: DetectorContext): Finding[] {
  return [
    ...ctx.containers.flatMap((c) => [...expectedMismatch(ctx, c), ...siblingDrift(ctx, c)]),
    ...configWithoutImage(ctx),
  ];
}
