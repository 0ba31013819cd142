/**
 * Anti-primer footgun #3: the code that understands `settlement.batchWindow` was merged but never
 * built, so `acme/billing:main` still points at an older build. The ConfigMap is updated for the
 * new code; the running billing pods reload it and crash on the unknown key. The two pods run
 * different digests of the same tag (one node cached an even older `main`, IfNotPresent).
 * Timeline: −40h deployed (both nodes pull build A), −20h CI pushes build B to `main` and a
 * restart puts one pod on a node without the image (pulls B), +3m ConfigMap updated, +4m the
 * kubelet syncs the volume and both pods crash-loop.
 */
import { timeline, type Scenario } from './scenario';

const HOUR = 3_600_000;
const OLD_CONFIG =
  'server:\n  port: 8080\nledger:\n  url: postgres://ledger-db.stale-image-new-config.svc:5432/ledger\nsettlement:\n  currency: EUR\n';
const NEW_CONFIG = `${OLD_CONFIG}  batchWindow: 30s\n`;

/** stale-image-new-config */
export const staleImageNewConfig: Scenario = {
  name: 'stale-image-new-config',
  summary:
    'ConfigMap updated for new code while billing:main still points at an old digest; two nodes run two digests.',
  setup({ cluster, namespace, at }) {
    const commits = new Map<string, string>();
    commits.set(
      cluster.registry.push('acme/billing', 'billing-main-2f9c1e0', 'main').digest,
      '2f9c1e0',
    );
    const knownKeys = ['server.port', 'ledger.url', 'settlement.currency'];
    cluster.behaviours.set('acme/billing', (ctx) => {
      const commit = commits.get(ctx.imageDigest) ?? 'unknown';
      const config = ctx.configMap('billing-config')?.['config.yaml'] ?? '';
      const unknown = config.includes('batchWindow');
      const start = timeline([
        [0, `billing-service (git ${commit}, built from main) starting pid=1`],
        [55, 'config: reading /etc/billing/config.yaml'],
        [20, `config: known keys ${knownKeys.join(', ')}`],
      ]);
      if (unknown) {
        return {
          lines: [
            ...start,
            ...timeline(
              [
                [
                  5,
                  'config: unknown configuration key "settlement.batchWindow" in /etc/billing/config.yaml (strict mode)',
                ],
                [2, 'Error: unknown configuration key "settlement.batchWindow"'],
                [1, '    at Config.validate (/app/dist/config/schema.js:88:15)'],
                [1, '    at Config.load (/app/dist/config/index.js:31:10)'],
              ],
              start.at(-1)?.atMs ?? 0,
            ),
          ],
          exit: { afterMs: 320, exitCode: 1 },
          memoryBytes: () => 52 * 1024 * 1024,
        };
      }
      return {
        lines: [
          ...start,
          ...timeline(
            [
              [310, 'ledger: connected'],
              [15, 'http: listening on :8080'],
            ],
            75,
          ),
        ],
        repeat: {
          everyMs: 20_000,
          text: (n) => `settlement: batch ${n + 1} committed (${40 + (n % 9)} entries)`,
        },
        memoryBytes: () => 140 * 1024 * 1024,
        cpuMillis: 20,
      };
    });
    cluster.applyConfigMap(
      namespace,
      'billing-config',
      { 'config.yaml': OLD_CONFIG },
      { app: 'billing' },
    );
    at(-40 * HOUR, () =>
      cluster.createDeployment(namespace, 'billing', {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'billing' } },
          spec: {
            containers: [
              {
                name: 'billing',
                image: 'acme/billing:main',
                imagePullPolicy: 'IfNotPresent',
                ports: [{ containerPort: 8080, name: 'http' }],
                volumeMounts: [{ name: 'config', mountPath: '/etc/billing' }],
                resources: {
                  requests: { cpu: '200m', memory: '256Mi' },
                  limits: { memory: '512Mi' },
                },
              },
            ],
            volumes: [{ name: 'config', configMap: { name: 'billing-config', defaultMode: 420 } }],
          },
        },
      }),
    );
    at(-20 * HOUR, () => {
      commits.set(
        cluster.registry.push('acme/billing', 'billing-main-8d41b7a', 'main').digest,
        '8d41b7a',
      );
      // A node drain moves one pod onto a node that never pulled :main.
      const pod = cluster.livePods(namespace)[0];
      const node = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
      if (!pod || !node) return;
      cluster.cordon(node, true);
      cluster.deletePod(namespace, pod.metadata.name);
      cluster.clock.after(10 * 60_000, () => cluster.cordon(node, false));
    });
    at(3 * 60_000, () =>
      cluster.applyConfigMap(
        namespace,
        'billing-config',
        { 'config.yaml': NEW_CONFIG },
        { app: 'billing' },
      ),
    );
    // The kubelet refreshes ConfigMap volumes within its sync period; the app reloads and dies.
    at(4 * 60_000, () =>
      cluster.kubelet.crash(namespace, undefined, {
        all: true,
        exitCode: 1,
        lines: [
          'config: /etc/billing/config.yaml changed, reloading',
          'config: unknown configuration key "settlement.batchWindow" in /etc/billing/config.yaml (strict mode)',
          'Error: unknown configuration key "settlement.batchWindow"',
          '    at Config.validate (/app/dist/config/schema.js:88:15)',
          '    at FSWatcher.<anonymous> (/app/dist/config/index.js:52:12)',
        ],
      }),
    );
  },
};
