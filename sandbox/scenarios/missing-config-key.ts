/**
 * A rollout switches SMTP_HOST to a configMapKeyRef on key `smtp.host`, but the ConfigMap spells
 * it `smtp_host`: the kubelet cannot build the container config (CreateContainerConfigError,
 * `couldn't find key smtp.host in ConfigMap missing-config-key/notifier-config`).
 */
import { healthyService } from './node-app';
import type { Scenario } from './scenario';

const HOUR = 3_600_000;

/** missing-config-key */
export const missingConfigKey: Scenario = {
  name: 'missing-config-key',
  summary:
    'CreateContainerConfigError: the Deployment references a ConfigMap key that does not exist.',
  setup({ cluster, namespace, at }) {
    cluster.registry.push('acme/notifier', 'notifier-1.4.1', '1.4.1');
    cluster.registry.push('acme/notifier', 'notifier-1.4.2', '1.4.2');
    cluster.behaviours.set('acme/notifier', (ctx) =>
      healthyService('notifier', ctx.image.split(':').pop() ?? '', 8080, 30_000),
    );
    cluster.applyConfigMap(
      namespace,
      'notifier-config',
      {
        smtp_host: 'smtp.mail.acme.example',
        'smtp.port': '587',
        'from.address': 'noreply@acme.example',
      },
      { app: 'notifier' },
    );
    at(-26 * HOUR, () =>
      cluster.createDeployment(namespace, 'notifier', {
        replicas: 1,
        template: {
          metadata: { labels: { app: 'notifier' } },
          spec: {
            containers: [
              {
                name: 'notifier',
                image: 'acme/notifier:1.4.1',
                env: [{ name: 'SMTP_HOST', value: 'smtp.mail.acme.example' }],
                resources: {
                  requests: { cpu: '20m', memory: '64Mi' },
                  limits: { memory: '128Mi' },
                },
              },
            ],
          },
        },
      }),
    );
    at(4 * 60_000, () =>
      cluster.updateDeployment(namespace, 'notifier', (t) => {
        const c = t.spec.containers[0];
        if (!c) return;
        c.image = 'acme/notifier:1.4.2';
        c.env = [
          {
            name: 'SMTP_HOST',
            valueFrom: { configMapKeyRef: { name: 'notifier-config', key: 'smtp.host' } },
          },
          {
            name: 'SMTP_PORT',
            valueFrom: { configMapKeyRef: { name: 'notifier-config', key: 'smtp.port' } },
          },
        ];
      }),
    );
  },
};
