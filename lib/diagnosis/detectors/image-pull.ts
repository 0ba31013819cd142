// Image pull failures (ErrImagePull, ImagePullBackOff, ...) with their cause: not found vs
// unauthorized vs network vs rate limit, from the waiting message and the Failed events.
import { standardCommands } from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import { classifyPullError, imageInPullMessage, PULL_ADVICE } from '../image-pull-cause';
import type { ContainerTimeline, Evidence, Finding, TimelineEvent } from '../types';
import { type DetectorContext, eventsFor, statusPath, targetOf } from './context';
import type { QuietCheck } from './plain-pod';

const PULL_STATES = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'RegistryUnavailable',
]);
const PULL_EVENT =
  /Failed to pull image|ErrImagePull|ImagePullBackOff|Back-off pulling image|InvalidImageName|ErrImageNeverPull|is not present with pull policy/i;

function pullEvents(events: TimelineEvent[]): TimelineEvent[] {
  return events.filter(
    (e) =>
      PULL_EVENT.test(e.message) || e.reason === 'ErrImagePull' || e.reason === 'ImagePullBackOff',
  );
}

function buildFinding(
  ctx: DetectorContext,
  c: ContainerTimeline | undefined,
  evidence: Evidence[],
  texts: string[],
): Finding {
  // The most specific text decides: a registry error beats "Back-off pulling image".
  const causes = texts.map(classifyPullError);
  const cause = causes.find((x) => x !== 'unknown') ?? 'unknown';
  const advice = PULL_ADVICE[cause];
  const image = texts.map(imageInPullMessage).find(Boolean) ?? c?.image;
  return makeFinding({
    id: `image-pull-${cause}`,
    category: 'image-pull',
    severity: 'critical',
    title: `Cannot pull ${image ? `\`${image}\`` : 'the image'}: ${advice.title}`,
    explanation: `${advice.explanation} The container has never started, so there is no log to read.`,
    container: c?.name,
    evidence,
    doNext: [advice.doNext],
    dont: [
      DONT_DELETE_POD,
      "Don't wait it out: pull back-off retries the same failing pull up to every 5 minutes.",
    ],
    commands: standardCommands(targetOf(ctx, c?.name)),
    priority: 97,
  });
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const events = pullEvents(eventsFor(ctx, c.name));
  if (!PULL_STATES.has(c.state) && events.length === 0) return [];
  const evidence: Evidence[] = [];
  const texts: string[] = [];
  if (PULL_STATES.has(c.state)) {
    const text = `${c.state}${c.stateMessage ? `: ${c.stateMessage}` : ''}`;
    evidence.push({
      kind: 'field',
      text,
      path: `${statusPath(c)}.state.waiting`,
      container: c.name,
    });
    texts.push(text);
  }
  for (const e of events.filter((x) => x.type === 'Warning').slice(-3)) {
    evidence.push({
      kind: 'event',
      text: `${e.reason}: ${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`,
      container: c.name,
      at: e.lastAt || undefined,
    });
    texts.push(e.message);
  }
  return [buildFinding(ctx, c, evidence, texts)];
}

/** Quiet on a plain pod (no container waits for its image) without a pull failure event. */
export const imagePullQuiet: QuietCheck = (p) => pullEvents(p.events).length === 0;

/** Detects image pull failures per container (or for the pod when events name no container). */
export function detectImagePull(ctx: DetectorContext): Finding[] {
  const found = ctx.containers.flatMap((c) => forContainer(ctx, c));
  if (found.length > 0 || ctx.containers.length > 1) return found;
  const events = pullEvents(ctx.events.filter((e) => !e.container && !e.about));
  if (events.length === 0) return [];
  const evidence = events.map((e): Evidence => ({
    kind: 'event',
    text: `${e.reason}: ${e.message}`,
    at: e.lastAt || undefined,
  }));
  return [
    buildFinding(
      ctx,
      undefined,
      evidence,
      events.map((e) => e.message),
    ),
  ];
}
