// "New config, old image" (anti-primer #3): the program rejects a config key it does not know
// (strict parsing) while the image shows it is older than intended — the config changed but the
// image did not, the tag points elsewhere than the running digest, or pods of one owner run
// different digests of the tag. Together they say the code for the new config was never built
// or never pulled; either alone is weaker (a typo in the config, a drifted but working tag).
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import { shortDigest } from '../image-facts';
import { revisionOf } from '../revisions';
import type { ContainerTimeline, Evidence, Finding } from '../types';
import { type Detector, type DetectorContext, perContainer, targetOf } from './context';
import { isFailing } from './crash-state';
import { configChangeWithoutImage, differingSiblings } from './image-digest';
import { scanSources, type SourcedSignal } from './signals';
import { textSourcesFor } from './text-sources';
import type { QuietCheck } from './plain-pod';

const CONFIG_NEWER_THAN_CODE = new Set(['unknown-config-key']);

/** The program's own line rejecting a config key (log or termination message, never an event). */
function rejectedKey(ctx: DetectorContext, c: ContainerTimeline): SourcedSignal | undefined {
  const own = textSourcesFor(ctx, c).filter((s) => s.evidence.kind !== 'event');
  return scanSources(own).find((s) => CONFIG_NEWER_THAN_CODE.has(s.signal.id));
}

interface ImageFacts {
  sentences: string[];
  evidence: Evidence[];
}

function imageFacts(ctx: DetectorContext, c: ContainerTimeline): ImageFacts {
  const out: ImageFacts = { sentences: [], evidence: [] };
  const running = c.imageDigest ? shortDigest(c.imageDigest) : 'an unknown digest';
  const idEvidence: Evidence = {
    kind: 'field',
    text: `imageID: ${c.imageID ?? ''}`,
    path: `status.containerStatuses[${c.name}].imageID`,
    container: c.name,
  };
  const change = configChangeWithoutImage(ctx);
  if (change) {
    out.sentences.push(
      `Revision ${revisionOf(change.own) ?? '?'} changed ${change.config.map((x) => x.field).join(', ')} but kept the image of revision ${revisionOf(change.prev) ?? '?'}.`,
    );
    out.evidence.push(
      ...change.config.slice(0, 2).map((x) => ({
        kind: 'spec' as const,
        text: `${x.field}: ${x.before ?? '∅'} → ${x.after ?? '∅'}`,
        container: x.container,
      })),
    );
  }
  const exp = c.expectedDigest;
  if (exp && !exp.matches) {
    out.sentences.push(
      `It runs ${running}, but ${c.image ?? 'the tag'} points at ${shortDigest(exp.digest)} (per the ${exp.source}).`,
    );
    out.evidence.push({
      kind: 'field',
      text: `expected ${exp.digest} (${exp.source})`,
      container: c.name,
    });
  }
  const siblings = differingSiblings(ctx, c);
  if (siblings.length > 0) {
    out.sentences.push(
      `Pods of the same owner run other digests of ${c.image ?? 'the tag'}: this one ${running}, ${siblings.map((s) => `${s.pod} ${shortDigest(s.digest ?? '')}`).join(', ')} — the tag moved and nodes kept what they had pulled.`,
    );
    out.evidence.push(
      ...siblings
        .slice(0, 2)
        .map((s) => ({ kind: 'field' as const, text: `${s.pod}: ${s.digest}` })),
    );
  }
  if (out.evidence.length > 0) out.evidence.unshift(idEvidence);
  return out;
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  if (!isFailing(c)) return [];
  const line = rejectedKey(ctx, c);
  if (!line) return [];
  const facts = imageFacts(ctx, c);
  if (facts.sentences.length === 0) return [];
  const key = line.signal.subject ? `“${line.signal.subject}”` : 'a key';
  return [
    makeFinding({
      id: 'config-newer-than-image',
      category: 'image-mismatch',
      severity: 'critical',
      title: 'New config, old image: the image was never rebuilt',
      explanation: `The program rejects the configuration ${key} it does not know (“${line.signal.text}”): the config was written for newer code than this image holds. ${facts.sentences.join(' ')} The code that understands the new config was never built, pushed or pulled; restarting or deleting pods will not change that.`,
      container: c.name,
      evidence: [line.evidence, ...facts.evidence],
      doNext: [
        'Build and push the image from the commit that added the key, and deploy it by digest (or a unique tag) so every node runs it.',
        'Until then, revert the config change that added the key.',
      ],
      dont: [
        DONT_DELETE_POD,
        DONT_ROLLBACK_BLIND,
        "Don't retag and hope: with imagePullPolicy IfNotPresent a node keeps the digest it already has.",
      ],
      commands: standardCommands(targetOf(ctx, c.name)),
      priority: 94,
    }),
  ];
}

/** Always quiet on a plain pod: only a failing container is judged. */
export const staleImageQuiet: QuietCheck = () => true;

/** Detects a config rejected by strict parsing while the image is older than the config. */
export const detectConfigNewerThanImage: Detector = perContainer(forContainer);
