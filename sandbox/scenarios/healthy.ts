/**
 * The control group: a web Deployment, a Redis StatefulSet, a node-exporter DaemonSet and a
 * completed migration Job, all healthy, with a LimitRange giving default memory limits.
 */
import type { PodTemplate } from '../controllers/deployment-controller';
import { rfc3339 } from '../sim/time-format';
import { healthyService } from './node-app';
import { timeline, type Scenario } from './scenario';

const HOUR = 3_600_000;

/** healthy */
export const healthy: Scenario = {
  name: 'healthy',
  summary: 'Everything fine: Deployment, StatefulSet, DaemonSet, a completed Job and a LimitRange.',
  setup({ cluster, namespace, at }) {
    const { registry, behaviours } = cluster;
    registry.push('library/nginx', 'nginx-1.27.3', '1.27.3');
    registry.push('library/redis', 'redis-7.4.1', '7.4.1');
    registry.push('prom/node-exporter', 'node-exporter-1.8.2', 'v1.8.2');
    registry.push('acme/web-migrate', 'web-migrate-3.0.1', '3.0.1');
    behaviours.set('library/nginx', () => ({
      ...healthyService('nginx', '1.27.3', 80, 5_000),
      lines: timeline([
        [0, '/docker-entrypoint.sh: Configuration complete; ready for start up'],
        [20, '2024/11/25 09:00:00 [notice] 1#1: nginx/1.27.3'],
        [5, '2024/11/25 09:00:00 [notice] 1#1: start worker processes'],
      ]),
      repeat: {
        everyMs: 5_000,
        text: (n) =>
          `10.244.0.1 - - "GET /${n % 3 ? 'index.html' : 'healthz'} HTTP/1.1" 200 615 "-" "kube-probe/1.32"`,
      },
    }));
    behaviours.set('library/redis', () => ({
      lines: timeline([
        [0, '1:C Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started'],
        [40, '1:M Ready to accept connections tcp'],
      ]),
      repeat: {
        everyMs: 300_000,
        text: () =>
          '1:M 100 changes in 300 seconds. Saving... Background saving terminated with success',
      },
      memoryBytes: () => 18 * 1024 * 1024,
    }));
    behaviours.set('prom/node-exporter', () => ({
      lines: timeline([
        [
          0,
          'ts=level=info caller=node_exporter.go:193 msg="Starting node_exporter" version="(version=1.8.2)"',
        ],
        [30, 'msg="Listening on" address=[::]:9100'],
      ]),
      memoryBytes: () => 21 * 1024 * 1024,
    }));
    behaviours.set('acme/web-migrate', () => ({
      lines: timeline([
        [0, 'migrate: 12 migrations applied, 0 pending'],
        [40, 'migrate: done'],
      ]),
      exit: { afterMs: 1_300, exitCode: 0 },
    }));
    cluster.create('limitranges', {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'defaults', namespace },
      spec: {
        limits: [
          {
            type: 'Container',
            default: { memory: '512Mi' },
            defaultRequest: { cpu: '100m', memory: '256Mi' },
          },
        ],
      },
    });
    at(-47 * HOUR, () =>
      cluster.createDeployment(namespace, 'web', {
        replicas: 3,
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'nginx:1.27.3',
                ports: [{ containerPort: 80, name: 'http' }],
                resources: {
                  requests: { cpu: '50m', memory: '64Mi' },
                  limits: { memory: '128Mi' },
                },
                readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 },
              },
            ],
          },
        },
      }),
    );
    at(-47 * HOUR, () =>
      cluster.createService(namespace, 'web', {
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80 }],
      }),
    );
    // The StatefulSet's governing (headless) Service.
    at(-47 * HOUR, () =>
      cluster.createService(namespace, 'redis', {
        selector: { app: 'redis' },
        ports: [{ name: 'redis', port: 6379 }],
        headless: true,
      }),
    );
    at(-47 * HOUR, () => createStatefulSet());
    at(-47 * HOUR, () => createDaemonSet());
    at(-46 * HOUR, () => createJob());

    function tpl(
      app: string,
      name: string,
      image: string,
      extra: Partial<PodTemplate['spec']> = {},
    ): PodTemplate {
      return {
        metadata: { labels: { app } },
        spec: {
          containers: [
            {
              name,
              image,
              resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
            },
          ],
          ...extra,
        },
      };
    }
    function createStatefulSet() {
      const template = tpl('redis', 'redis', 'redis:7.4.1');
      const rev = `redis-${cluster.rng.suffix(9)}`;
      const sts = cluster.create('apps/statefulsets', {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'redis', namespace, generation: 1, labels: { app: 'redis' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'redis' } },
          serviceName: 'redis',
          template,
          podManagementPolicy: 'OrderedReady',
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
          revisionHistoryLimit: 10,
          persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        },
        status: {
          replicas: 1,
          readyReplicas: 1,
          currentReplicas: 1,
          updatedReplicas: 1,
          availableReplicas: 1,
          currentRevision: rev,
          updateRevision: rev,
          observedGeneration: 1,
          collisionCount: 0,
        },
      });
      cluster.createOwnedPod(sts, 'redis-0', template, {
        labels: {
          'controller-revision-hash': rev,
          'statefulset.kubernetes.io/pod-name': 'redis-0',
          'apps.kubernetes.io/pod-index': '0',
        },
      });
    }
    function createDaemonSet() {
      const template = tpl('node-exporter', 'node-exporter', 'prom/node-exporter:v1.8.2');
      const n = cluster.nodes.size;
      const ds = cluster.create('apps/daemonsets', {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: {
          name: 'node-exporter',
          namespace,
          generation: 1,
          labels: { app: 'node-exporter' },
          annotations: { 'deprecated.daemonset.template.generation': '1' },
        },
        spec: {
          selector: { matchLabels: { app: 'node-exporter' } },
          template,
          updateStrategy: {
            type: 'RollingUpdate',
            rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
          },
          revisionHistoryLimit: 10,
        },
        status: {
          currentNumberScheduled: n,
          numberMisscheduled: 0,
          desiredNumberScheduled: n,
          numberReady: n,
          observedGeneration: 1,
          updatedNumberScheduled: n,
          numberAvailable: n,
        },
      });
      const hash = cluster.rng.suffix(9);
      for (const node of cluster.nodes.keys()) {
        cluster.createOwnedPod(ds, `node-exporter-${cluster.rng.suffix(5)}`, template, {
          nodeName: node,
          labels: { 'controller-revision-hash': hash, 'pod-template-generation': '1' },
        });
      }
    }
    function createJob() {
      const uid = cluster.rng.uid();
      const labels = {
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': 'web-migrate-3-0-1',
        'controller-uid': uid,
        'job-name': 'web-migrate-3-0-1',
      };
      const template = {
        ...tpl('web-migrate', 'migrate', 'acme/web-migrate:3.0.1', { restartPolicy: 'Never' }),
        metadata: { labels },
      };
      const now = cluster.clock.now();
      const done = (t: string) => ({
        type: t,
        status: 'True',
        lastProbeTime: rfc3339(now + 4_000),
        lastTransitionTime: rfc3339(now + 4_000),
      });
      const job = cluster.create('batch/jobs', {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'web-migrate-3-0-1', namespace, uid, generation: 1, labels },
        spec: {
          parallelism: 1,
          completions: 1,
          backoffLimit: 6,
          completionMode: 'NonIndexed',
          manualSelector: false,
          podReplacementPolicy: 'TerminatingOrFailed',
          selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
          suspend: false,
          template,
        },
        status: {
          startTime: rfc3339(now),
          completionTime: rfc3339(now + 4_000),
          succeeded: 1,
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
          conditions: [done('SuccessCriteriaMet'), done('Complete')],
        },
      });
      cluster.createOwnedPod(job, `web-migrate-3-0-1-${cluster.rng.suffix(5)}`, template);
    }
  },
};
