// Eviction (pod status.reason Evicted) is the kubelet reclaiming node resources, not an OOM kill
// and not a crash (eviction/helpers.go messages: "The node was low on resource: memory. ...").
import { getObjectCommand, describeCommand, eventsCommand } from '../commands';
import { makeFinding } from '../finding';
import type { Finding } from '../types';
import { type DetectorContext, targetOf } from './context';
import type { QuietCheck } from './plain-pod';

/**
 * The cause class of an eviction by the resource the node ran low on: memory pressure belongs
 * with memory (requests and usage decide it), disk pressure with storage.
 */
export function evictionCategory(resource: string | undefined): string {
  if (resource === 'memory') return 'oom-killed';
  if (resource && /storage|nodefs|imagefs|inodes|disk/i.test(resource)) return 'volume-mount';
  return 'app-error';
}

/** Quiet unless status.reason says Evicted. */
export const evictedQuiet: QuietCheck = (p) => p.input.pod.status?.reason !== 'Evicted';

/** Detects evicted pods and says which resource the node ran low on. */
export function detectEvicted(ctx: DetectorContext): Finding[] {
  const status = ctx.input.pod.status;
  if (status?.reason !== 'Evicted') return [];
  const message = status.message ?? '';
  const resource = /low on resource: ([\w-]+)/.exec(message)?.[1];
  const node = ctx.input.pod.spec?.nodeName;
  const t = targetOf(ctx);
  return [
    makeFinding({
      id: 'evicted-node-pressure',
      category: evictionCategory(resource),
      severity: 'warning',
      title: `Evicted: the node ran low on ${resource ?? 'a resource'} (not an OOM kill)`,
      explanation: `The kubelet evicted this pod to reclaim ${resource ?? 'resources'} on the node. That is node pressure, not the container hitting its own limit and not a crash; the controller creates a replacement pod elsewhere.${message ? ` The kubelet said: ${message}` : ''}`,
      evidence: [
        {
          kind: 'field',
          text: `status.reason: Evicted${message ? `; status.message: ${message}` : ''}`,
          path: 'status.reason',
        },
      ],
      doNext: [
        'Set requests close to real usage (pods above their requests are evicted first) and check the node’s pressure conditions and what else uses it.',
      ],
      dont: [
        "Don't raise the container memory limit for this: eviction compares usage with requests and node capacity.",
      ],
      commands: [
        describeCommand(t),
        eventsCommand(t),
        ...(node ? [getObjectCommand(t, 'node', node, 'The node (conditions, allocatable)')] : []),
      ],
      priority: 70,
    }),
  ];
}
