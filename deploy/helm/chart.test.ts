// The Helm chart, linted and rendered by the real helm (built from helm.sh/helm/v3 by
// scripts/build-peers.sh): least-privilege RBAC, hardened pod, probes, and the plain manifests in
// deploy/manifests are what the chart renders now.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { peerPath } from '../../contract/peers';

const root = path.resolve(__dirname, '../..');
// HELM, else the peer built by scripts/build-peers.sh (PODTRAIL_PEERS_DIR, default .peers/bin).
const helm = process.env.HELM ?? peerPath('helm');
const chart = path.join(root, 'deploy', 'helm', 'podtrail');

type Doc = {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: Array<{
    apiGroups: string[];
    resources: string[];
    verbs: string[];
    resourceNames?: string[];
  }>;
  spec?: any;
};

function render(...sets: string[]): Doc[] {
  const args = ['template', 'podtrail', chart, '--namespace', 'podtrail'];
  for (const s of ['auth.existingSecret=podtrail-auth', ...sets]) args.push('--set', s);
  const text = execFileSync(helm, args, { encoding: 'utf8' });
  return parseAllDocuments(text)
    .map((d) => d.toJSON() as Doc | null)
    .filter((d): d is Doc => d !== null);
}

function renderError(...sets: string[]): string {
  const args = ['template', 'podtrail', chart];
  for (const s of sets) args.push('--set', s);
  const result = spawnSync(helm, args, { encoding: 'utf8' });
  expect(result.status).not.toBe(0);
  return result.stderr;
}

const readVerbs = ['get', 'list', 'watch'];

describe('Helm chart (real helm)', () => {
  it('passes helm lint', () => {
    const out = execFileSync(helm, ['lint', chart, '--set', 'auth.existingSecret=x'], {
      encoding: 'utf8',
    });
    expect(out).toContain('0 chart(s) failed');
  });

  it('grants only get/list/watch on what Podtrail reads, never Secrets', () => {
    const docs = render();
    const roles = docs.filter((d) => d.kind === 'ClusterRole' || d.kind === 'Role');
    expect(roles.map((r) => `${r.kind}/${r.metadata.name}`)).toEqual(['ClusterRole/podtrail-read']);
    const rules = roles.flatMap((r) => r.rules ?? []);
    const granted = rules.flatMap((r) =>
      r.apiGroups.flatMap((g) => r.resources.map((res) => `${g || 'core'}/${res}`)),
    );
    expect(granted.sort()).toEqual(
      [
        'apps/daemonsets',
        'apps/deployments',
        'apps/replicasets',
        'apps/statefulsets',
        'batch/jobs',
        'core/configmaps',
        'core/events',
        'core/limitranges',
        'core/namespaces',
        'core/nodes',
        'core/pods',
        'core/pods/log',
        'metrics.k8s.io/pods',
      ].sort(),
    );
    for (const rule of rules) for (const verb of rule.verbs) expect(readVerbs).toContain(verb);
    expect(JSON.stringify(roles)).not.toMatch(/secrets|\*|pods\/exec|impersonate/);
  });

  it('adds its own Lease, and no other write, only when leader election is on', () => {
    const docs = render('leaderElection.enabled=true', 'replicaCount=2');
    const lease = docs.find((d) => d.kind === 'Role' && d.metadata.name === 'podtrail-lease');
    expect(lease?.metadata.namespace).toBe('podtrail');
    expect(lease?.rules).toEqual([
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
      {
        apiGroups: ['coordination.k8s.io'],
        resources: ['leases'],
        resourceNames: ['podtrail-recorder'],
        verbs: ['get', 'update'],
      },
    ]);
    const pdb = docs.find((d) => d.kind === 'PodDisruptionBudget');
    expect(pdb?.spec.minAvailable).toBe(1);
  });

  it('grants impersonate on users and groups only when per-user access is on', () => {
    const docs = render('auth.mode=proxy', 'auth.proxyAddresses=10.0.0.1', 'auth.impersonate=true');
    const role = docs.find(
      (d) => d.kind === 'ClusterRole' && d.metadata.name === 'podtrail-impersonate',
    );
    expect(role?.rules).toEqual([
      { apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] },
    ]);
    const container = docs.find((d) => d.kind === 'Deployment')!.spec.template.spec.containers[0];
    expect(container.env).toContainEqual({ name: 'PODTRAIL_IMPERSONATE', value: '1' });
    expect(JSON.stringify(render())).not.toMatch(/impersonate|IMPERSONATE/);
    expect(renderError('auth.existingSecret=x', 'auth.impersonate=true')).toContain(
      'auth.impersonate needs auth.mode oidc or proxy',
    );
  });

  it('has a namespace-scoped variant: a Role per listed namespace and no ClusterRole', () => {
    const docs = render('rbac.scope=namespaces', 'rbac.namespaces={shop,payments}');
    expect(docs.some((d) => d.kind === 'ClusterRole' || d.kind === 'ClusterRoleBinding')).toBe(
      false,
    );
    const roles = docs.filter((d) => d.kind === 'Role');
    expect(roles.map((r) => r.metadata.namespace)).toEqual(['shop', 'payments']);
    expect(JSON.stringify(roles)).not.toMatch(/nodes|namespaces"|secrets/);
    // It may not list namespaces, so Podtrail is told which ones it reads.
    const env = docs.find((d) => d.kind === 'Deployment')!.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'PODTRAIL_NAMESPACES', value: 'shop,payments' });
    // Every namespaced object names its namespace: `kubectl apply -f` needs no -n.
    const unnamed = docs.filter((d) => !['ClusterRole', 'ClusterRoleBinding'].includes(d.kind));
    expect(unnamed.filter((d) => !d.metadata.namespace).map((d) => d.kind)).toEqual([]);
  });

  it('runs non-root on a read-only root filesystem with probes on /api/health', () => {
    const deployment = render().find((d) => d.kind === 'Deployment')!;
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532 });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.readinessProbe.httpGet).toMatchObject({
      path: '/api/health',
      httpHeaders: [{ name: 'Host', value: 'localhost' }],
    });
    expect(container.livenessProbe.httpGet.path).toBe('/api/health?live=1');
    expect(container.resources.limits.memory).toBe('768Mi');
    expect(container.volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual([
      '/data',
      '/tmp',
    ]);
    const env = Object.fromEntries(
      container.env.map((e: { name: string; value?: string }) => [e.name, e.value]),
    );
    expect(env).toMatchObject({ HOST: '0.0.0.0', PODTRAIL_AUTH: 'token' });
    expect(container.envFrom).toEqual([{ secretRef: { name: 'podtrail-auth' } }]);
  });

  it('takes the PostgreSQL URL from a Secret reference and adds an Ingress when asked', () => {
    const docs = render(
      'history.databaseUrlSecret.name=podtrail-db',
      'ingress.enabled=true',
      'ingress.host=podtrail.example.com',
    );
    const container = docs.find((d) => d.kind === 'Deployment')!.spec.template.spec.containers[0];
    expect(container.env.find((e: { name: string }) => e.name === 'DATABASE_URL')).toEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'podtrail-db', key: 'DATABASE_URL' } },
    });
    const ingress = docs.find((d) => d.kind === 'Ingress')!;
    expect(ingress.spec.rules[0].host).toBe('podtrail.example.com');
    expect(render().some((d) => d.kind === 'Ingress')).toBe(false);
  });

  it('refuses to render without a sign-in mode and its Secret', () => {
    expect(renderError('auth.mode=none')).toContain('auth.mode must be token, proxy or oidc');
    expect(renderError()).toContain('auth.mode=token needs auth.existingSecret');
    expect(renderError('auth.mode=proxy')).toContain('auth.proxyAddresses is required');
  });

  it('ships plain manifests that are exactly what the chart renders', () => {
    const fresh = spawnSync('bash', [path.join(root, 'scripts', 'render-manifests.sh')], {
      encoding: 'utf8',
      env: { ...process.env, HELM: helm, RENDER_DRY_RUN: '1' },
    });
    expect(fresh.status, fresh.stderr).toBe(0);
    for (const file of ['podtrail.yaml', 'podtrail-namespaced.yaml']) {
      const committed = readFileSync(path.join(root, 'deploy', 'manifests', file), 'utf8');
      const section = fresh.stdout.split(`=== ${file}\n`)[1]?.split('\n=== ')[0] ?? '';
      expect(committed.trimEnd(), `${file}: run scripts/render-manifests.sh`).toBe(
        section.trimEnd(),
      );
    }
  });
});
