/**
 * Anti-primer footgun #1: auth-service 1.8.0 needs AUTH_JWKS_URL, which the Deployment does not
 * set; it crash-loops, someone rolls back without reading the log (the crash disappears, the
 * cause stays), and the next deploy (1.8.1) crash-loops the same way.
 * Timeline from the start of the history: +2m deploy 1.8.0 (rev 4), +16m `rollout undo`
 * (rev 5 = 1.7.2), +26m deploy 1.8.1 (rev 6, crash-looping now).
 */
import { healthyService, nodeCrash } from './node-app';
import { timeline, type Scenario } from './scenario';

const HOUR = 3_600_000;

/** rollback-hides-cause */
export const rollbackHidesCause: Scenario = {
  name: 'rollback-hides-cause',
  summary:
    'auth-service 1.8.x needs env AUTH_JWKS_URL the spec lacks; a rollback hid it, the next deploy breaks again.',
  setup({ cluster, namespace, at }) {
    for (const v of ['1.7.0', '1.7.1', '1.7.2', '1.8.0', '1.8.1'])
      cluster.registry.push('acme/auth-service', `auth-service-${v}`, v);
    cluster.behaviours.set('acme/auth-service', (ctx) => {
      const version = ctx.image.split(':').pop() ?? '';
      if (!version.startsWith('1.8') || ctx.env.AUTH_JWKS_URL)
        return healthyService('auth-service', version, 8080);
      const crash = nodeCrash(
        'missing required env AUTH_JWKS_URL',
        [
          'requireEnv (/app/dist/config.js:41:11)',
          'loadConfig (/app/dist/config.js:67:18)',
          'Object.<anonymous> (/app/dist/main.js:12:16)',
          'Module._compile (node:internal/modules/cjs/loader:1546:14)',
        ],
        {
          file: '/app/dist/config.js:41',
          line: 'throw new Error(`missing required env ${name}`);',
        },
      );
      return {
        lines: timeline([
          [0, `auth-service ${version} starting (node v20.18.1) pid=1`],
          [40, 'config: NODE_ENV=production PORT=8080'],
          [12, `config: AUTH_ISSUER=${ctx.env.AUTH_ISSUER ?? ''}`],
          [230, 'db: connected to postgres://auth-db.rollback-hides-cause.svc:5432/auth'],
          [35, 'keys: loaded signing key kid=2024-11 from /var/run/secrets/auth/signing.pem'],
          [20, 'jwks: remote key set required since 1.8.0 (token exchange)'],
          ...crash.map((text): [number, string] => [1, text]),
        ]),
        exit: { afterMs: 420, exitCode: 1 },
        memoryBytes: () => 64 * 1024 * 1024,
      };
    });
    const setVersion = (v: string) =>
      cluster.updateDeployment(namespace, 'auth', (t) => {
        const c = t.spec.containers[0];
        if (c) c.image = `acme/auth-service:${v}`;
      });
    at(-46 * HOUR, () =>
      cluster.createDeployment(namespace, 'auth', {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'auth' } },
          spec: {
            containers: [
              {
                name: 'auth',
                image: 'acme/auth-service:1.7.0',
                ports: [{ containerPort: 8080, name: 'http' }],
                env: [
                  { name: 'NODE_ENV', value: 'production' },
                  { name: 'AUTH_ISSUER', value: 'https://login.acme.example' },
                  {
                    name: 'DATABASE_URL',
                    value: 'postgres://auth-db.rollback-hides-cause.svc:5432/auth',
                  },
                ],
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { memory: '256Mi' },
                },
                readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
              },
            ],
          },
        },
      }),
    );
    at(-30 * HOUR, () => setVersion('1.7.1'));
    at(-20 * HOUR, () => setVersion('1.7.2'));
    at(2 * 60_000, () => setVersion('1.8.0'));
    at(16 * 60_000, () => cluster.rollback(namespace, 'auth'));
    at(26 * 60_000, () => setVersion('1.8.1'));
  },
};
