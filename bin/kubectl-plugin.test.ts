// The distributable CLI as a user gets it: npm pack (which builds dist/cli), npm install -g into a
// temp prefix, then the real kubectl finds `kubectl-podtrail` on PATH. For every pod of every
// sandbox scenario, `kubectl podtrail diagnose POD --json` must name the same findings, in the same
// order, as the pod page's API (GET /api/clusters/{c}/namespaces/{ns}/pods/{pod}).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/sandbox';
import { startSandboxCluster, type SandboxCluster } from '@/lib/k8s/test-support/sandbox-cluster';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getPod } from '@/app/api/clusters/[cluster]/namespaces/[namespace]/pods/[pod]/route';

const ROOT = path.resolve(__dirname, '..');
let work: string;
let prefix: string;
let env: SandboxCluster;
let runtime: Runtime;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'podtrail-pack-'));
  prefix = path.join(work, 'prefix');
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  execFileSync(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      path.join(work, tarball),
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    { cwd: work, stdio: 'pipe' },
  );
  // speed 0: the incident stands still, so the plugin and the page read the same state.
  env = await startSandboxCluster({ speed: 0 });
  runtime = createRuntime({ clusters: [env.cluster], history: false });
  setRuntime(runtime);
}, 300_000);

// The temp prefix holds the package's dependencies (~0.5 GB): removing them takes a while.
afterAll(async () => {
  setRuntime(undefined);
  if (runtime) await stopRuntime(runtime);
  await env?.stop();
  await rm(work, { recursive: true, force: true });
}, 240_000);

/** Runs an installed command (or kubectl) without blocking: the sandbox serves from this process. */
function installed(
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: work,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...process.env,
          PATH: `${path.join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
          KUBECONFIG: env.sandbox.kubeconfigPath ?? '',
          ...extraEnv,
        },
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        resolve({ status: code, stdout, stderr });
      },
    );
  });
}

async function podsOf(namespace: string): Promise<string[]> {
  const out = await installed('kubectl', [
    'get',
    'pods',
    '-n',
    namespace,
    '-o',
    'jsonpath={.items[*].metadata.name}',
  ]);
  return out.stdout.split(/\s+/).filter(Boolean);
}

describe('the installed kubectl plugin', () => {
  it('is found by kubectl on PATH, and the installed podtrail diagnoses a file offline', async () => {
    const plugins = await installed('kubectl', ['plugin', 'list']);
    expect(plugins.stdout).toContain(path.join(prefix, 'bin', 'kubectl-podtrail'));
    const offline = await installed('podtrail', [
      'diagnose',
      path.join(ROOT, 'lib/diagnosis/parse/fixtures/describe-1-18-oomkilled-limits.txt'),
      '--json',
      '--now',
      '2020-11-13T01:00:00Z',
    ]);
    expect(offline.status).toBe(0);
    expect(JSON.parse(offline.stdout).findings[0].category).toBe('oom-killed');
  });

  it.each(SCENARIOS)(
    'names the same findings in the same order as the pod page for every pod of %s',
    async (namespace) => {
      const pods = await podsOf(namespace);
      expect(pods.length).toBeGreaterThan(0);
      let findings = 0;
      for (const pod of pods) {
        const result = await installed('kubectl', [
          'podtrail',
          'diagnose',
          pod,
          '-n',
          namespace,
          '--json',
        ]);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const plugin = JSON.parse(result.stdout);
        const page = await (
          await getPod(new Request('http://t'), {
            params: Promise.resolve({ cluster: 'sandbox', namespace, pod }),
          })
        ).json();
        expect({ pod, ids: plugin.findings.map((f: { id: string }) => f.id) }).toEqual({
          pod,
          ids: page.diagnosis.findings.map((f: { id: string }) => f.id),
        });
        expect(plugin.pod.status).toBe(page.diagnosis.pod.status);
        findings += plugin.findings.length;
      }
      // Every incident scenario has something to say; the healthy one may have nothing.
      if (namespace !== 'healthy') expect(findings).toBeGreaterThan(0);
    },
    // One kubectl run per pod (8 in healthy), each a fresh Node.js process: slow on 2 busy cores.
    240_000,
  );

  it('prints the pod page URL of the configured Podtrail, and refuses without one', async () => {
    const open = await installed(
      'kubectl',
      ['podtrail', 'open', 'web-0', '-n', 'healthy', '-c', 'app'],
      {
        PODTRAIL_URL: 'https://podtrail.example.com/',
      },
    );
    expect(open.stdout.trim()).toBe(
      'https://podtrail.example.com/c/sandbox/ns/healthy/pods/web-0?container=app',
    );
    const none = await installed('kubectl', ['podtrail', 'open', 'web-0'], { PODTRAIL_URL: '' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/set PODTRAIL_URL/);
  });

  it('exits 1 naming the pod the cluster does not have, 2 on a usage error', async () => {
    const missing = await installed('kubectl', ['podtrail', 'diagnose', 'ghost', '-n', 'healthy']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Pod healthy\/ghost is not in cluster "sandbox"/);
    const usage = await installed('kubectl', ['podtrail', 'diagnose', '--bogus']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Unknown option '--bogus'/);
  });
});
