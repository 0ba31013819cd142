/**
 * API-server defaulting of pod specs (pkg/apis/core/v1/defaults.go) and the service-account
 * admission plugin's projected token volume, so pods look like a real cluster's.
 */
import type { Rng } from '../sim/rng';
import { parseImageRef } from '../registry/image-ref';
import type { Container, PodSpec } from '../kubelet/pod-types';

/** Fills the defaults the API server adds to every container and pod spec. */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const containers = spec.containers.map((c): Container => {
    const ref = parseImageRef(c.image);
    return {
      ...c,
      // SetDefaults_Container: Always for :latest (or no tag), else IfNotPresent.
      imagePullPolicy: c.imagePullPolicy ?? (ref.tag === 'latest' ? 'Always' : 'IfNotPresent'),
      resources: c.resources ?? {},
      terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
      terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
      ...(c.ports ? { ports: c.ports.map((p) => ({ protocol: 'TCP', ...p })) } : {}),
      ...(c.livenessProbe ? { livenessProbe: defaultProbe(c.livenessProbe) } : {}),
      ...(c.readinessProbe ? { readinessProbe: defaultProbe(c.readinessProbe) } : {}),
    };
  });
  return {
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...spec,
    containers,
  };
}

function defaultProbe<T extends object>(probe: T): T {
  const p = probe as Record<string, unknown>;
  const http = p.httpGet as Record<string, unknown> | undefined;
  return {
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
    ...probe,
    ...(http ? { httpGet: { ...http, scheme: http.scheme ?? 'HTTP' } } : {}),
  } as T;
}

/** What admission adds when a pod is created: token volume, tolerations, priority. */
export function admitPodSpec(spec: PodSpec, rng: Rng): PodSpec {
  const volume = `kube-api-access-${rng.suffix(5)}`;
  const mount = {
    name: volume,
    readOnly: true,
    mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
  };
  return {
    ...spec,
    containers: spec.containers.map((c) => ({
      ...c,
      volumeMounts: [...(c.volumeMounts ?? []), mount],
    })),
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    serviceAccount: 'default',
    serviceAccountName: 'default',
    tolerations: [
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        tolerationSeconds: 300,
      },
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        tolerationSeconds: 300,
      },
    ],
    volumes: [
      ...((spec.volumes as unknown[] | undefined) ?? []),
      {
        name: volume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            {
              downwardAPI: {
                items: [
                  {
                    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    path: 'namespace',
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  };
}
