/**
 * A search service needs ~95 s to load its index, but its liveness probe starts after 15 s and
 * gives up after 3 failures 10 s apart. The kubelet kills it (Unhealthy ×3, then Killing); the
 * JVM ignores SIGTERM while loading, so it dies by SIGKILL after the grace period: exit 137,
 * reason Error (not OOMKilled). There is no startupProbe.
 */
import { timeline, type Scenario } from './scenario';

const HOUR = 3_600_000;

/** liveness-slow-start */
export const livenessSlowStart: Scenario = {
  name: 'liveness-slow-start',
  summary:
    'A slow-starting search service killed by its liveness probe (Unhealthy, Killing, exit 137 Error).',
  setup({ cluster, namespace, at }) {
    cluster.registry.push('acme/search', 'search-5.3.2', '5.3.2');
    cluster.registry.push('acme/search', 'search-5.4.0', '5.4.0');
    cluster.behaviours.set('acme/search', (ctx) => {
      const version = ctx.image.split(':').pop() ?? '';
      const shards = version === '5.4.0' ? 24 : 6;
      const lines = timeline([
        [0, `[INFO ][o.e.n.Node] [${ctx.podName}] version[${version}], pid[1], JVM[17.0.9+9]`],
        [900, `[INFO ][o.e.n.Node] [${ctx.podName}] JVM arguments [-Xms1g, -Xmx1g, -XX:+UseG1GC]`],
        [2600, `[INFO ][o.e.p.PluginsService] [${ctx.podName}] loaded module [analysis-common]`],
        [
          1400,
          `[INFO ][o.e.i.IndexService] [${ctx.podName}] opening catalog index (${shards} shards, 38.2gb)`,
        ],
        ...Array.from({ length: shards }, (_, i): [number, string] => [
          3_800,
          `[INFO ][o.e.i.s.IndexShard] [${ctx.podName}] recovered shard [catalog][${i}] from local store`,
        ]),
        [
          1500,
          `[INFO ][o.e.h.AbstractHttpServerTransport] [${ctx.podName}] publish_address {${ctx.podIP}:9200}`,
        ],
        [20, `[INFO ][o.e.n.Node] [${ctx.podName}] started`],
      ]);
      return {
        lines,
        healthyAfterMs: lines.at(-1)?.atMs ?? 0,
        repeat: {
          everyMs: 30_000,
          text: () =>
            `[INFO ][o.e.c.r.a.DiskThresholdMonitor] [${ctx.podName}] low disk watermark [85%] not exceeded`,
        },
        ignoresSigterm: true,
        memoryBytes: (ms) => Math.min(1300, 380 + ms / 100) * 1024 * 1024,
        cpuMillis: 900,
      };
    });
    const container = (version: string) => ({
      name: 'search',
      image: `acme/search:${version}`,
      ports: [{ containerPort: 9200, name: 'http' }],
      resources: { requests: { cpu: '500m', memory: '1536Mi' }, limits: { memory: '1536Mi' } },
      livenessProbe: {
        httpGet: { path: '/_cluster/health', port: 9200 },
        initialDelaySeconds: 15,
        periodSeconds: 10,
        failureThreshold: 3,
      },
    });
    at(-40 * HOUR, () =>
      cluster.createDeployment(namespace, 'search', {
        replicas: 1,
        template: {
          metadata: { labels: { app: 'search' } },
          spec: { containers: [container('5.3.2')] },
        },
      }),
    );
    // 5.4.0 quadruples the shards: start-up now takes longer than the liveness probe allows.
    at(3 * 60_000, () =>
      cluster.updateDeployment(namespace, 'search', (t) => {
        t.spec.containers = [container('5.4.0')];
      }),
    );
  },
};
