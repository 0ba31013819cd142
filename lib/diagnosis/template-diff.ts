// What changed between two pod templates (ReplicaSet revisions): image, env, config references
// (ConfigMaps/Secrets via env, envFrom and volumes), resources, command/args. Never reads values
// of Secrets — only names and keys; plain env values are compared but not shown for secrets.
import type { ContainerSpecLike, PodLike, TemplateChange } from './types';

type PodSpec = NonNullable<PodLike['spec']>;

function envText(e: NonNullable<ContainerSpecLike['env']>[number]): string {
  const from = e.valueFrom;
  if (from?.configMapKeyRef)
    return `${e.name} from ConfigMap ${from.configMapKeyRef.name}/${from.configMapKeyRef.key}`;
  if (from?.secretKeyRef)
    return `${e.name} from Secret ${from.secretKeyRef.name}/${from.secretKeyRef.key}`;
  if (from?.fieldRef) return `${e.name} from ${from.fieldRef.fieldPath}`;
  if (from?.resourceFieldRef) return `${e.name} from ${from.resourceFieldRef.resource}`;
  return `${e.name}=${e.value ?? ''}`;
}

function configRefs(c: ContainerSpecLike | undefined, spec: PodSpec | undefined): Set<string> {
  const refs = new Set<string>();
  for (const e of c?.envFrom ?? []) {
    if (e.configMapRef) refs.add(`ConfigMap ${e.configMapRef.name}`);
    if (e.secretRef) refs.add(`Secret ${e.secretRef.name}`);
  }
  for (const v of spec?.volumes ?? []) {
    if (v.configMap) refs.add(`ConfigMap ${v.configMap.name}`);
    if (v.secret?.secretName) refs.add(`Secret ${v.secret.secretName}`);
  }
  return refs;
}

function setDiff(
  field: TemplateChange['field'],
  container: string,
  a: Set<string>,
  b: Set<string>,
): TemplateChange[] {
  const out: TemplateChange[] = [];
  for (const x of a) if (!b.has(x)) out.push({ field, container, before: x });
  for (const x of b) if (!a.has(x)) out.push({ field, container, after: x });
  return out;
}

function diffContainer(
  a: ContainerSpecLike | undefined,
  b: ContainerSpecLike | undefined,
  sa?: PodSpec,
  sb?: PodSpec,
): TemplateChange[] {
  const name = (b ?? a)?.name ?? '';
  const out: TemplateChange[] = [];
  if (a?.image !== b?.image)
    out.push({ field: 'image', container: name, before: a?.image, after: b?.image });
  out.push(
    ...setDiff(
      'env',
      name,
      new Set((a?.env ?? []).map(envText)),
      new Set((b?.env ?? []).map(envText)),
    ),
  );
  out.push(...setDiff('configRef', name, configRefs(a, sa), configRefs(b, sb)));
  const ra = JSON.stringify(a?.resources ?? {});
  const rb = JSON.stringify(b?.resources ?? {});
  if (ra !== rb) out.push({ field: 'resources', container: name, before: ra, after: rb });
  const ca = JSON.stringify([a?.command ?? [], a?.args ?? []]);
  const cb = JSON.stringify([b?.command ?? [], b?.args ?? []]);
  if (ca !== cb)
    out.push({
      field: 'command',
      container: name,
      before: [...(a?.command ?? []), ...(a?.args ?? [])].join(' '),
      after: [...(b?.command ?? []), ...(b?.args ?? [])].join(' '),
    });
  return out;
}

/** Lists what changed from template a to template b, per container (init containers too). */
export function diffPodTemplates(a: PodSpec | undefined, b: PodSpec | undefined): TemplateChange[] {
  const all = (s?: PodSpec) => [...(s?.initContainers ?? []), ...(s?.containers ?? [])];
  const names = [...new Set([...all(a), ...all(b)].map((c) => c.name))];
  const changes = names.flatMap((n) =>
    diffContainer(
      all(a).find((c) => c.name === n),
      all(b).find((c) => c.name === n),
      a,
      b,
    ),
  );
  // Volume-level refs are pod-wide: report them once, not per container.
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.field}|${c.field === 'configRef' ? '' : c.container}|${c.before}|${c.after}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
