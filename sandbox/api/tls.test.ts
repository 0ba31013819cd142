import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';
import { selfSignedCert } from '../real/kubelet-server';

let sb: Sandbox;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sandbox-tls-'));
  sb = await startSandbox({
    port: 0,
    scenarios: ['healthy'],
    kubeconfigPath: path.join(dir, 'kubeconfig'),
    token: 'tls-token',
    tls: selfSignedCert('sandbox'),
  });
});
afterAll(() => sb.stop());

describe('TLS', () => {
  it('serves HTTPS with a kubeconfig that trusts the certificate (client-node)', async () => {
    expect(sb.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const kc = new KubeConfig();
    kc.loadFromFile(sb.kubeconfigPath ?? '');
    const pods = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'healthy' });
    expect(pods.items.length).toBeGreaterThan(0);
  });

  it('works with kubectl over HTTPS and the bearer token', async () => {
    // Async: the sandbox answers from this very process.
    const { stdout: out } = await promisify(execFile)('kubectl', [
      '--kubeconfig',
      sb.kubeconfigPath ?? '',
      '--cache-dir',
      path.join(dir, 'cache'),
      'get',
      'pods',
      '-n',
      'healthy',
      '-o',
      'name',
    ]);
    expect(out).toContain('pod/redis-0');
  });
});
