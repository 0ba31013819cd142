import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { peerPath } from '../../contract/peers';
import { startSandbox, type Sandbox } from '../index';

type Any = Record<string, any>;
const run = promisify(execFile);
let sb: Sandbox;
let dir: string;
let kubectlBin = 'kubectl';

async function kubectl(
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(kubectlBin, [
      '--kubeconfig',
      path.join(dir, 'kubeconfig'),
      '--cache-dir',
      path.join(dir, 'cache'),
      ...args,
    ]);
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

async function podName(namespace: string, selector = ''): Promise<string> {
  const { stdout } = await kubectl(
    '-n',
    namespace,
    'get',
    'pods',
    ...(selector ? ['-l', selector] : []),
    '-o',
    'jsonpath={.items[*].metadata.name}',
  );
  return stdout.split(' ').filter(Boolean).at(-1) ?? '';
}

/** A pod of the namespace whose container has restarted (the crash-looping one). */
async function restartedPod(namespace: string): Promise<string> {
  const list = (await (await fetch(`${sb.url}/api/v1/namespaces/${namespace}/pods`)).json()) as Any;
  const pod = (list.items as Any[]).find((p) => p.status?.containerStatuses?.[0]?.restartCount > 0);
  return pod?.metadata.name ?? '';
}

// The machine's kubectl (Debian's, whatever minor it is) and the kubectl built from the pinned
// Kubernetes minor (scripts/build-peers.sh): both must read the sandbox as they read a cluster.
const KUBECTLS: [string, () => string][] = [
  ['machine', () => 'kubectl'],
  ['built 1.37', () => peerPath('kubectl')],
];

describe.each(KUBECTLS)('real kubectl (%s) against the sandbox', (_label, binary) => {
  beforeAll(async () => {
    kubectlBin = binary();
    dir = mkdtempSync(path.join(tmpdir(), 'sandbox-kubectl-'));
    sb = await startSandbox({
      port: 0,
      scenarios: 'all',
      kubeconfigPath: path.join(dir, 'kubeconfig'),
    });
  });
  afterAll(() => sb.stop());

  it('get pods -A prints the server-side table with crash-loop states', async () => {
    const { stdout, code } = await kubectl('get', 'pods', '-A');
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header?.split(/\s+/)).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
    ]);
    const row = (ns: string) =>
      rows.filter((r) => r.startsWith(`${ns} `)).map((r) => r.split(/\s{2,}/));
    expect(row('delete-resets-backoff')[0]?.[3]).toMatch(/^(CrashLoopBackOff|Running|Error)$/);
    expect(row('image-tag-missing').map((r) => r[3])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^(ImagePullBackOff|ErrImagePull)$/),
        'Running',
      ]),
    );
    expect(row('missing-config-key').map((r) => r[3])).toContain('CreateContainerConfigError');
    expect(row('healthy').filter((r) => r[3] === 'Running').length).toBeGreaterThanOrEqual(7);
    expect(row('oom-no-limit')[0]?.[4]).toMatch(/^\d+ \(\S+ ago\)$/);
  });

  it('get pod -o yaml shows the status exactly as the API serves it', async () => {
    const name = await podName('oom-no-limit');
    const { stdout } = await kubectl('-n', 'oom-no-limit', 'get', 'pod', name, '-o', 'yaml');
    const pod = parse(stdout) as Any;
    const api = (await (
      await fetch(`${sb.url}/api/v1/namespaces/oom-no-limit/pods/${name}`)
    ).json()) as Any;
    expect(pod.kind).toBe('Pod');
    expect(pod.status.containerStatuses[0].lastState.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
    expect(pod.status.containerStatuses[0].imageID).toMatch(
      /^docker\.io\/acme\/report-builder@sha256:[0-9a-f]{64}$/,
    );
    expect(pod.metadata.uid).toBe(api.metadata.uid);
    expect(pod.status.qosClass).toBe('BestEffort');
  });

  it('describe pod shows last state, exit code and the aggregated events', async () => {
    const name = await podName('liveness-slow-start');
    const { stdout, code } = await kubectl('-n', 'liveness-slow-start', 'describe', 'pod', name);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137/);
    expect(stdout).toMatch(
      /Liveness:\s+http-get http:\/\/:9200\/_cluster\/health delay=15s timeout=1s period=10s (#success=1 #failure=3|successThreshold=1 failureThreshold=3)/,
    );
    expect(stdout).toMatch(
      /Warning\s+Unhealthy\s+\S+ \(x\d+ over \S+\)\s+kubelet\s+(spec\.containers\{search\}: )?Liveness probe failed: Get "http:\/\/[\d.]+:9200\/_cluster\/health": dial tcp/,
    );
    expect(stdout).toMatch(
      /Normal\s+Killing\s+.*Container search failed liveness probe, will be restarted/,
    );
    expect(stdout).toMatch(
      /Warning\s+BackOff\s+.*Back-off restarting failed container search in pod /,
    );
  });

  it('get events lists kubelet events with reasons', async () => {
    const { stdout } = await kubectl('-n', 'image-tag-missing', 'get', 'events');
    expect(stdout.split('\n')[0]?.split(/\s{2,}/)).toEqual([
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'MESSAGE',
    ]);
    expect(stdout).toMatch(
      /Warning\s+Failed\s+pod\/frontend-\S+\s+Failed to pull image "acme\/frontend:2.3.1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io\/acme\/frontend:2.3.1"/,
    );
    expect(stdout).toMatch(
      /Normal\s+BackOff\s+pod\/frontend-\S+\s+Back-off pulling image "acme\/frontend:2.3.1"/,
    );
  });

  it('logs --previous shows the crash; without a previous container it prints the real error', async () => {
    const name = await restartedPod('rollback-hides-cause');
    const prev = await kubectl('-n', 'rollback-hides-cause', 'logs', name, '--previous');
    expect(prev.stdout).toContain('Error: missing required env AUTH_JWKS_URL');
    const web = await podName('healthy', 'app=web');
    const none = await kubectl('-n', 'healthy', 'logs', web, '--previous');
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe(
      `Error from server (BadRequest): previous terminated container "nginx" in pod "${web}" not found`,
    );
  });

  it('get deploy,rs shows the rollout history with revisions', async () => {
    const { stdout } = await kubectl('-n', 'rollback-hides-cause', 'get', 'deploy,rs');
    expect(stdout).toMatch(/deployment\.apps\/auth\s+2\/2\s+1\s+2\s+/);
    expect(stdout.match(/replicaset\.apps\/auth-\w+/g)).toHaveLength(5);
    const revs = await kubectl(
      '-n',
      'rollback-hides-cause',
      'get',
      'rs',
      '-o',
      'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}{" "}{.metadata.annotations.deployment\\.kubernetes\\.io/revision-history}{"\\n"}{end}',
    );
    const lines = revs.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .sort();
    expect(lines).toEqual(['1', '2', '4', '5 3', '6']);
  });

  it('get pods -w prints a new row when a pod crashes (table watch)', async () => {
    const name = await restartedPod('oom-no-limit');
    const child = spawn('kubectl', [
      '--kubeconfig',
      path.join(dir, 'kubeconfig'),
      '--cache-dir',
      path.join(dir, 'cache'),
      '-n',
      'oom-no-limit',
      'get',
      'pods',
      '-w',
    ]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const deadline = Date.now() + 10_000;
      while (!out.includes(name) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(sb.control.crash('oom-no-limit', name)).toEqual([name]);
      while (!/OOMKilled/.test(out) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(out).toMatch(new RegExp(`${name}\\s+0/1\\s+OOMKilled\\s+\\d+`));
    } finally {
      child.kill();
    }
  });

  it('kubectl delete pod replaces it and the new pod starts with restartCount 0', async () => {
    const name = await restartedPod('delete-resets-backoff');
    const { stdout, code } = await kubectl(
      '-n',
      'delete-resets-backoff',
      'delete',
      'pod',
      name,
      '--wait=false',
    );
    expect(code).toBe(0);
    // kubectl ≥ 1.35 adds the namespace.
    expect(stdout.trim()).toMatch(
      new RegExp(`^pod "${name}" deleted( from delete-resets-backoff namespace)?$`),
    );
    sb.control.advance(5_000);
    const list = (await (
      await fetch(`${sb.url}/api/v1/namespaces/delete-resets-backoff/pods`)
    ).json()) as Any;
    expect(list.items.map((p: Any) => p.metadata.name)).not.toContain(name);
    expect(list.items[0].status.containerStatuses?.[0]?.restartCount ?? 0).toBeLessThanOrEqual(1);
  });

  it('kubectl rollout history reads the same revisions', async () => {
    const { stdout, code } = await kubectl(
      '-n',
      'rollback-hides-cause',
      'rollout',
      'history',
      'deployment/auth',
    );
    expect(code).toBe(0);
    expect(stdout.match(/^\d+\s/gm)?.map((s) => s.trim())).toEqual(['1', '2', '4', '5', '6']);
  });
});
