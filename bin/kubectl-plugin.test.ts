// The distributable CLI as a user gets it (bin/test-support/installed-cli.ts: npm pack ./cli,
// npm install -g into a temp prefix), then the real kubectl finds `kubectl-podtrail` on PATH. For
// every pod of every sandbox scenario, `kubectl podtrail diagnose POD --json` must name the same
// findings, in the same order, as the pod page's API. The same against a real kube-apiserver:
// bin/kubectl-plugin.real.test.ts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/sandbox';
import { startSandboxCluster, type SandboxCluster } from '@/lib/k8s/test-support/sandbox-cluster';
import { createRuntime, setRuntime, stopRuntime, type Runtime } from '@/lib/views';
import { GET as getPod } from '@/app/api/clusters/[cluster]/namespaces/[namespace]/pods/[pod]/route';
import { installPackedCli, pluginAndPage, type InstalledCli } from './test-support/installed-cli';

const ROOT = path.resolve(__dirname, '..');
let cli: InstalledCli;
let env: SandboxCluster;
let runtime: Runtime;

beforeAll(async () => {
  cli = installPackedCli();
  // speed 0: the incident stands still, so the plugin and the page read the same state.
  env = await startSandboxCluster({ speed: 0 });
  runtime = createRuntime({ clusters: [env.cluster], history: false });
  setRuntime(runtime);
}, 300_000);

afterAll(async () => {
  setRuntime(undefined);
  if (runtime) await stopRuntime(runtime);
  await env?.stop();
  await cli?.remove();
});

/** Runs an installed command (or kubectl) against the sandbox, which serves from this process. */
const installed = (command: string, args: string[], extra: Record<string, string> = {}) =>
  cli.run(command, args, { KUBECONFIG: env.sandbox.kubeconfigPath ?? '', ...extra });

describe('the installed kubectl plugin', () => {
  it('installs without the app’s dependencies: one package of a few MB', () => {
    // The CLI is bundled into cli/dist with every npm package it uses (scripts/build-cli.mjs).
    expect(cli.installedBytes).toBeGreaterThan(100_000);
    expect(cli.installedBytes).toBeLessThan(20_000_000);
  });

  it('is found by kubectl on PATH, and the installed podtrail diagnoses a file offline', async () => {
    const plugins = await installed('kubectl', ['plugin', 'list']);
    expect(plugins.stdout).toContain(path.join(cli.prefix, 'bin', 'kubectl-podtrail'));
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
      const { plugin, page } = await pluginAndPage({
        namespace,
        cluster: 'sandbox',
        kubectl: (args) => installed('kubectl', args),
        podPage: getPod,
      });
      expect(plugin.length).toBeGreaterThan(0);
      expect(plugin).toEqual(page);
      // Every incident scenario has something to say; the healthy one may have nothing.
      const findings = plugin.reduce((n, said) => n + said.ids.length, 0);
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

  it('exits 1 naming the pod the cluster does not have, 2 on a usage error or no kubeconfig', async () => {
    const missing = await installed('kubectl', ['podtrail', 'diagnose', 'ghost', '-n', 'healthy']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Pod healthy\/ghost is not in cluster "sandbox"/);
    const usage = await installed('kubectl', ['podtrail', 'diagnose', '--bogus']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Unknown option '--bogus'/);
    const noConfig = await installed('kubectl-podtrail', ['diagnose', 'web-0'], {
      KUBECONFIG: path.join(cli.prefix, 'no-such-kubeconfig'),
    });
    expect(noConfig.status).toBe(2);
    expect(noConfig.stderr).toMatch(/cannot read the kubeconfig: .*no-such-kubeconfig/);
  });
});
