/**
 * A rollout to `acme/frontend:2.3.1`, a tag that was never pushed: the new pod cycles between
 * ErrImagePull and ImagePullBackOff (`...: not found`), the old ReplicaSet keeps serving.
 */
import { healthyService } from './node-app';
import type { Scenario } from './scenario';

const HOUR = 3_600_000;

/** image-tag-missing */
export const imageTagMissing: Scenario = {
  name: 'image-tag-missing',
  summary:
    'A rollout to an image tag that does not exist: ErrImagePull / ImagePullBackOff, manifest unknown.',
  setup({ cluster, namespace, at }) {
    cluster.registry.push('acme/frontend', 'frontend-2.2.9', '2.2.9');
    cluster.registry.push('acme/frontend', 'frontend-2.3.0', '2.3.0');
    cluster.behaviours.set('acme/frontend', (ctx) =>
      healthyService('frontend', ctx.image.split(':').pop() ?? '', 3000, 15_000),
    );
    const container = (tag: string) => ({
      name: 'frontend',
      image: `acme/frontend:${tag}`,
      ports: [{ containerPort: 3000, name: 'http' }],
      resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { memory: '192Mi' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 3000 }, periodSeconds: 5 },
    });
    at(-30 * HOUR, () =>
      cluster.createDeployment(namespace, 'frontend', {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'frontend' } },
          spec: { containers: [container('2.3.0')] },
        },
      }),
    );
    at(5 * 60_000, () =>
      cluster.updateDeployment(namespace, 'frontend', (t) => {
        t.spec.containers = [container('2.3.1')];
      }),
    );
  },
};
