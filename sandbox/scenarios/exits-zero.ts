/**
 * A batch export written as a Deployment: it finishes its work and exits 0 (Completed), but
 * restartPolicy Always restarts it, so it "crash-loops" with nothing wrong in its log.
 */
import { timeline, type Scenario } from './scenario';

/** exits-zero */
export const exitsZero: Scenario = {
  name: 'exits-zero',
  summary:
    'A container that exits 0 (Completed) under restartPolicy Always, so it enters CrashLoopBackOff.',
  setup({ cluster, namespace, at }) {
    cluster.registry.push('acme/nightly-export', 'nightly-export-0.9.0', '0.9.0');
    cluster.behaviours.set('acme/nightly-export', (ctx) => {
      const rows = 12_000 + ctx.rng.int(0, 900);
      const lines = timeline([
        [0, 'nightly-export 0.9.0 starting'],
        [80, 'source: postgres://warehouse.exits-zero.svc:5432/analytics (read-only)'],
        [300, 'target: s3://acme-exports/nightly/'],
        [2_100, `export: orders ${Math.round(rows * 0.6)} rows`],
        [1_700, `export: refunds ${Math.round(rows * 0.4)} rows`],
        [900, `export complete: ${rows} rows in 5.1s`],
        [15, 'bye'],
      ]);
      return {
        lines,
        exit: { afterMs: (lines.at(-1)?.atMs ?? 0) + 30, exitCode: 0 },
        memoryBytes: () => 70 * 1024 * 1024,
      };
    });
    at(60_000, () =>
      cluster.createDeployment(namespace, 'nightly-export', {
        replicas: 1,
        template: {
          metadata: { labels: { app: 'nightly-export' } },
          spec: {
            containers: [
              {
                name: 'export',
                image: 'acme/nightly-export:0.9.0',
                resources: { requests: { cpu: '100m', memory: '128Mi' } },
              },
            ],
          },
        },
      }),
    );
  },
};
