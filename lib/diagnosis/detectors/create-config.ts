// CreateContainerConfigError: the kubelet cannot build the container's config because a
// referenced ConfigMap/Secret (or one of its keys) is missing (kuberuntime_container.go
// generateContainerConfig; message e.g. `configmap "x" not found`, `couldn't find key K in
// Secret ns/name`). Names the object and which spec field refers to it; never reads values.
import { getObjectCommand, standardCommands } from '../commands';
import { DONT_DELETE_POD, makeFinding } from '../finding';
import type { ContainerSpecLike, ContainerTimeline, Evidence, Finding } from '../types';
import {
  type Detector,
  type DetectorContext,
  perContainer,
  eventsFor,
  statusPath,
  targetOf,
} from './context';
import type { QuietCheck } from './plain-pod';

interface MissingRef {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  key?: string;
}

/** Reads the missing object (and key) from a CreateContainerConfigError text. */
export function parseConfigError(text: string): MissingRef | undefined {
  const key = /couldn't find key (\S+) in (ConfigMap|Secret) (?:[\w.-]+\/)?([\w.-]+)/i.exec(text);
  if (key)
    return {
      kind: key[2]?.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap',
      name: key[3] ?? '',
      key: key[1],
    };
  const obj = /(configmap|secret)s? "([^"]+)" not found/i.exec(text);
  if (obj)
    return {
      kind: obj[1]?.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap',
      name: obj[2] ?? '',
    };
  return undefined;
}

function referencedBy(spec: ContainerSpecLike | undefined, ref: MissingRef): string[] {
  const uses: string[] = [];
  for (const e of spec?.env ?? []) {
    const r = ref.kind === 'Secret' ? e.valueFrom?.secretKeyRef : e.valueFrom?.configMapKeyRef;
    if (r?.name === ref.name && (!ref.key || r.key === ref.key))
      uses.push(`env ${e.name}${r.optional ? ' (optional)' : ''}`);
  }
  for (const e of spec?.envFrom ?? []) {
    const r = ref.kind === 'Secret' ? e.secretRef : e.configMapRef;
    if (r?.name === ref.name) uses.push('envFrom');
  }
  return uses;
}

function forContainer(ctx: DetectorContext, c: ContainerTimeline): Finding[] {
  const failed = eventsFor(ctx, c.name).filter(
    (e) => e.reason === 'Failed' && parseConfigError(e.message),
  );
  if (c.state !== 'CreateContainerConfigError' && failed.length === 0) return [];
  const texts = [c.stateMessage ?? '', ...failed.map((e) => e.message)];
  const ref = texts.map(parseConfigError).find(Boolean);
  const spec = ctx.refs.find((r) => r.name === c.name)?.spec;
  const uses = ref ? referencedBy(spec, ref) : [];
  const evidence: Evidence[] = [];
  if (c.state === 'CreateContainerConfigError') {
    evidence.push({
      kind: 'field',
      text: `CreateContainerConfigError: ${c.stateMessage ?? ''}`,
      path: `${statusPath(c)}.state.waiting`,
      container: c.name,
    });
  }
  for (const e of failed.slice(-2))
    evidence.push({
      kind: 'event',
      text: `${e.reason}: ${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`,
      container: c.name,
      at: e.lastAt || undefined,
    });
  const what = ref
    ? `${ref.kind} \`${ref.name}\`${ref.key ? ` has no key \`${ref.key}\`` : ' does not exist'}`
    : 'a referenced ConfigMap or Secret is missing';
  return [
    makeFinding({
      id: ref?.key ? 'create-config-missing-key' : 'create-config-missing-object',
      category: 'create-config-error',
      severity: 'critical',
      title: `Container cannot be created: ${what}`,
      explanation: `The kubelet refuses to create the container because ${what} in namespace ${ctx.namespace}${uses.length ? `; the container uses it through ${uses.join(', ')}` : ''}. The container never ran, so there is no log. The kubelet retries on its own once the object exists.`,
      container: c.name,
      evidence,
      doNext: [
        ref
          ? `Create the ${ref.kind} (or add the key), or fix the reference in the pod template; mark it optional only if the app can run without it.`
          : 'Read the Failed event: it names the missing object or key.',
      ],
      dont: [
        DONT_DELETE_POD,
        "Don't restart or roll the workload: nothing changes until the object exists.",
      ],
      commands: [
        ...standardCommands(targetOf(ctx, c.name)),
        ...(ref
          ? [
              getObjectCommand(
                targetOf(ctx),
                ref.kind,
                ref.name,
                `Does the ${ref.kind} exist? (names only; no values)`,
              ),
            ]
          : []),
      ],
      priority: 98,
    }),
  ];
}

/** Quiet on a plain pod (no container waits in CreateContainerConfigError): no Failed event. */
export const createConfigQuiet: QuietCheck = (p) => !p.events.some((e) => e.reason === 'Failed');

/** Detects CreateContainerConfigError and names the missing ConfigMap/Secret or key. */
export const detectCreateConfigError: Detector = perContainer(forContainer);
