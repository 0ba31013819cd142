/**
 * Anti-primer footgun #4: a report builder with a memory leak and no memory limit. The node runs
 * out of memory, the kernel kills the process (exit 137, OOMKilled) and node-problem-detector
 * reports OOMKilling on the node, while the app's own log just stops mid-batch.
 */
import { template, timeline, type Scenario } from './scenario';

const MB = 1024 * 1024;

/** oom-no-limit */
export const oomNoLimit: Scenario = {
  name: 'oom-no-limit',
  summary: 'A leaking app with no memory limit, OOM-killed by the node (exit 137) again and again.',
  setup({ cluster, namespace, at }) {
    cluster.registry.push('acme/report-builder', 'report-builder-3.1.4', '3.1.4');
    cluster.registry.push('acme/report-builder', 'report-builder-3.2.0', '3.2.0');
    cluster.behaviours.set('acme/report-builder', (ctx) => {
      const leaking = ctx.image.endsWith(':3.2.0');
      const lifeMs = 150_000 + ctx.rng.int(0, 110_000);
      const heap = (ms: number) => Math.round(180 + (leaking ? (ms / 1000) * 29 : 0));
      return {
        lines: timeline([
          [
            0,
            `report-builder ${leaking ? '3.2.0' : '3.1.4'} starting (node v20.18.1, --max-old-space-size unset)`,
          ],
          [60, 'pdf: chromium pool size=4'],
          [240, 'queue: subscribed to reports.requested'],
          [30, 'http: listening on :8080'],
        ]),
        repeat: {
          everyMs: 15_000,
          text: (n, atMs) =>
            `batch ${n + 1}: rendered ${18 + (n % 7)} reports in ${(2.1 + (n % 5) * 0.37).toFixed(2)}s heapUsed=${heap(atMs)}MB rss=${heap(atMs) + 140}MB`,
        },
        ...(leaking
          ? {
              exit: {
                afterMs: lifeMs,
                exitCode: 137,
                reason: 'OOMKilled' as const,
                oomProcess: 'node',
              },
            }
          : {}),
        memoryBytes: (ms) => (heap(ms) + 140) * MB,
        cpuMillis: 350,
      };
    });
    const container = (tag: string) => ({
      name: 'report-builder',
      image: `acme/report-builder:${tag}`,
      ports: [{ containerPort: 8080, name: 'http' }],
      env: [{ name: 'NODE_ENV', value: 'production' }],
    });
    cluster.createDeployment(namespace, 'report-builder', {
      replicas: 1,
      template: template('report-builder', container('3.1.4')),
    });
    at(60_000, () =>
      cluster.updateDeployment(namespace, 'report-builder', (t) => {
        const c = t.spec.containers[0];
        if (c) c.image = 'acme/report-builder:3.2.0';
      }),
    );
  },
};
