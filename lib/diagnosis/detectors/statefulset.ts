// StatefulSet pods keep their PersistentVolumeClaims across restarts and replacement; deleting
// the pod is safe for data, deleting the PVC is not. Warn before anyone deletes anything.
import { makeFinding } from '../finding';
import type { Finding } from '../types';
import type { DetectorContext } from './context';
import type { QuietCheck } from './plain-pod';

/** Quiet unless the pod is a StatefulSet's and mounts a PersistentVolumeClaim. */
export const statefulSetQuiet: QuietCheck = ({ input: { pod } }) =>
  !pod.metadata.ownerReferences?.some((o) => o.kind === 'StatefulSet') ||
  !pod.spec?.volumes?.some((v) => v.persistentVolumeClaim);

/** Warns that a StatefulSet pod has PVC-backed volumes before anyone deletes anything. */
export function detectStatefulSetVolumes(ctx: DetectorContext): Finding[] {
  const owner = ctx.input.pod.metadata.ownerReferences?.find((o) => o.kind === 'StatefulSet');
  const claims = (ctx.input.pod.spec?.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
  );
  if (!owner || claims.length === 0) return [];
  return [
    makeFinding({
      id: 'statefulset-volumes',
      category: 'volume-mount',
      severity: 'info',
      title: `StatefulSet pod with data volumes (${claims.join(', ')}): delete nothing yet`,
      explanation: `This pod belongs to StatefulSet ${owner.name} and mounts PersistentVolumeClaims. Deleting the PVC (or the namespace) destroys the data; deleting the pod resets the back-off and brings back the same volume and the same crash.`,
      evidence: claims.map((c) => ({
        kind: 'spec' as const,
        text: `persistentVolumeClaim ${c}`,
        path: 'spec.volumes',
      })),
      doNext: [
        'Diagnose from the previous log first; if the data needs repair, use a debug pod that mounts the same PVC.',
      ],
      dont: [
        "Don't delete the PVC or scale the StatefulSet to 0 with volume cleanup to “start fresh”: that is data loss.",
      ],
      commands: [],
      priority: 10,
    }),
  ];
}
