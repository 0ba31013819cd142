import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';

let sb: Sandbox;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sandbox-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=sandbox',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  sb = await startSandbox({
    port: 0,
    scenarios: ['healthy'],
    kubeconfigPath: path.join(dir, 'kubeconfig'),
    token: 'tls-token',
    tls: { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') },
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
