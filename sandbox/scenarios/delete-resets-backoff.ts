/**
 * Anti-primer footgun #2: someone "unsticks" a crash-looping worker by deleting its pod every few
 * minutes. The ReplicaSet recreates it with a new UID, so the kubelet's back-off (keyed by pod
 * UID) starts over each time and restartCount falls back to 0.
 */
import { timeline, type Scenario } from './scenario';

const DELETE_EVERY_MS = 4 * 60_000;

/** delete-resets-backoff */
export const deleteResetsBackoff: Scenario = {
  name: 'delete-resets-backoff',
  summary:
    'A crash-looping worker whose pod someone deletes every few minutes, resetting the back-off.',
  setup({ cluster, namespace, at, every }) {
    cluster.registry.push('acme/queue-worker', 'queue-worker-4.2.0', '4.2.0');
    cluster.behaviours.set('acme/queue-worker', (ctx) => ({
      lines: timeline([
        [0, `queue-worker 4.2.0 (node v20.18.1) pid=1 pod=${ctx.podName}`],
        [35, 'config: loaded /etc/queue-worker/config.yaml (profile=production)'],
        [60, 'amqp: connecting to amqp://rabbitmq.messaging.svc:5672/orders'],
        [420, 'amqp: connected, prefetch=20'],
        [80, 'db: connecting to postgres://orders-db.delete-resets-backoff.svc:5432/orders'],
        [310, 'db: pool ready (size=10)'],
        [40, 'migrations: 41 applied, 1 pending'],
        [25, 'migrations: applying 0042_add_retry_count_to_jobs'],
        [900, 'migrations: 0042_add_retry_count_to_jobs failed, rolling back'],
        [
          20,
          'Error: migration 0042_add_retry_count_to_jobs failed: column "retry_count" of relation "jobs" already exists',
        ],
        [1, '    at Migrator.apply (/app/dist/db/migrator.js:112:19)'],
        [1, '    at async Migrator.latest (/app/dist/db/migrator.js:64:9)'],
        [1, '    at async main (/app/dist/main.js:38:3)'],
      ]),
      exit: { afterMs: 1_960 + ctx.rng.int(0, 400), exitCode: 1 },
      memoryBytes: () => 96 * 1024 * 1024,
      cpuMillis: 40,
    }));
    at(30_000, () =>
      cluster.createDeployment(namespace, 'queue-worker', {
        replicas: 1,
        template: {
          metadata: { labels: { app: 'queue-worker' } },
          spec: {
            containers: [
              {
                name: 'worker',
                image: 'acme/queue-worker:4.2.0',
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { memory: '256Mi' },
                },
                env: [{ name: 'QUEUE', value: 'orders' }],
              },
            ],
          },
        },
      }),
    );
    // "It's stuck, let me delete it": always the current crash-looping pod.
    every(5 * 60_000, DELETE_EVERY_MS, () => {
      const pod = cluster.livePods(namespace).at(-1);
      if (pod) cluster.deletePod(namespace, pod.metadata.name);
    });
  },
};
