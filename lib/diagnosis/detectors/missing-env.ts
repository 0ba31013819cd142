// For a missing environment variable: does the pod spec define it (env, envFrom), and did the
// previous revision define or need it? If neither revision set it and the previous one ran, the
// new code needs it — the anti-primer's "rollback masks a missing env var".
import { previousRevision, ownReplicaSet, revisionOf } from '../revisions';
import type { ContainerSpecLike, Evidence } from '../types';
import type { DetectorContext } from './context';

/** What the specs say about a variable. */
export interface EnvCheck {
  title?: string;
  sentence: string;
  evidence: Evidence[];
  doNext: string[];
}

function envSource(spec: ContainerSpecLike | undefined, name: string): string | undefined {
  const e = spec?.env?.find((x) => x.name === name);
  if (!e) return undefined;
  const f = e.valueFrom;
  if (f?.secretKeyRef)
    return `Secret ${f.secretKeyRef.name} key ${f.secretKeyRef.key}${f.secretKeyRef.optional ? ' (optional)' : ''}`;
  if (f?.configMapKeyRef)
    return `ConfigMap ${f.configMapKeyRef.name} key ${f.configMapKeyRef.key}${f.configMapKeyRef.optional ? ' (optional)' : ''}`;
  return e.value === '' || e.value === undefined ? 'an empty value' : 'a literal value';
}

function envFromNames(spec: ContainerSpecLike | undefined): string[] {
  return (spec?.envFrom ?? []).map((e) =>
    e.configMapRef ? `ConfigMap ${e.configMapRef.name}` : `Secret ${e.secretRef?.name ?? '?'}`,
  );
}

function revisionContainer(
  ctx: DetectorContext,
  container: string,
): { n?: number; spec?: ContainerSpecLike } | undefined {
  const own = ownReplicaSet(ctx.input);
  const prev = own ? previousRevision(ctx.input, own) : undefined;
  if (!prev) return undefined;
  const spec = prev.spec?.template?.spec?.containers.find((c) => c.name === container);
  return { n: revisionOf(prev), spec };
}

/** Checks a missing variable against the pod spec and the previous revision. */
export function checkMissingEnv(
  ctx: DetectorContext,
  container: string | undefined,
  name: string,
): EnvCheck {
  const spec = ctx.refs.find((r) => r.name === container)?.spec;
  if (!spec)
    return {
      sentence: `The input has no pod spec, so whether it sets ${name} is unknown.`,
      evidence: [],
      doNext: [],
    };
  const path = `spec.containers[${container}].env`;
  const source = envSource(spec, name);
  if (source) {
    return {
      sentence: `The pod spec does set ${name}, from ${source}: the value the program sees is empty or unusable — check that source.`,
      evidence: [{ kind: 'spec', text: `env ${name} from ${source}`, path, container }],
      doNext: [
        `Check the source of ${name} (${source}) has a non-empty value; read key names, never print secret values.`,
      ],
    };
  }
  const from = envFromNames(spec);
  const prev = revisionContainer(ctx, container ?? '');
  const prevHad = prev?.spec ? !!envSource(prev.spec, name) : undefined;
  const fromText = from.length
    ? ` (unless it comes through envFrom ${from.join(', ')} — check those have the key)`
    : '';
  const evidence: Evidence[] = [
    {
      kind: 'spec',
      text: `no env entry named ${name}${from.length ? `; envFrom: ${from.join(', ')}` : ''}`,
      path,
      container,
    },
  ];
  if (prevHad === false) {
    return {
      title: `The new code needs \`${name}\`; the pod spec does not set it`,
      sentence: `The pod spec does not set ${name}${fromText}. Revision ${prev?.n ?? '?'} did not set it either and ran without it, so the new code needs it — rolling back only hides this until the next deploy.`,
      evidence,
      doNext: [
        `Add ${name} to the workload's pod template (value or secretKeyRef/configMapKeyRef), then roll forward.`,
      ],
    };
  }
  if (prevHad === true) {
    return {
      title: `This revision dropped \`${name}\` from the pod spec`,
      sentence: `The previous revision ${prev?.n ?? ''} set ${name}; this revision's pod template no longer does.`,
      evidence,
      doNext: [`Restore ${name} in the pod template.`],
    };
  }
  return {
    sentence: `The pod spec does not set ${name}${fromText}.`,
    evidence,
    doNext: [`Add ${name} to the pod template (value or secretKeyRef/configMapKeyRef).`],
  };
}
