/**
 * The distributable CLI as a user gets it: `npm pack ./cli` (whose prepack bundles cli/dist), then
 * `npm install -g` of the tarball into a temp prefix. Commands run with that prefix's bin first on
 * PATH, so `kubectl podtrail` finds the installed `kubectl-podtrail` the way kubectl finds plugins.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** What one installed command (or kubectl) did. */
export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** The packed CLI installed into a temp prefix. */
export interface InstalledCli {
  /** The install prefix; its bin/ holds `podtrail` and `kubectl-podtrail`. */
  prefix: string;
  /** Bytes under the prefix after the install (the package and all it installed). */
  installedBytes: number;
  /** Runs `command` (a name on the prefix-first PATH, or a path) without blocking this process. */
  run(command: string, args: string[], env?: Record<string, string>): Promise<CommandRun>;
  /** Deletes the temp folder. */
  remove(): Promise<void>;
}

function bytesUnder(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

/** Packs ./cli and installs the tarball with `npm install -g --prefix` into a new temp folder. */
export function installPackedCli(): InstalledCli {
  const work = mkdtempSync(path.join(tmpdir(), 'podtrail-pack-'));
  const prefix = path.join(work, 'prefix');
  execFileSync('npm', ['pack', './cli', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  execFileSync(
    'npm',
    ['install', '-g', '--prefix', prefix, path.join(work, tarball), '--no-audit', '--no-fund'],
    { cwd: work, stdio: 'pipe' },
  );
  return {
    prefix,
    installedBytes: bytesUnder(prefix),
    run: (command, args, env = {}) =>
      new Promise((resolve) => {
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
              ...env,
            },
          },
          (error, stdout, stderr) => {
            const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
            resolve({ status: code, stdout, stderr });
          },
        );
      }),
    remove: () => rm(work, { recursive: true, force: true }),
  };
}

/** The finding ids and pod status one diagnosis names (the plugin's --json and the page's API). */
export interface Said {
  pod: string;
  ids: string[];
  status: string;
}

/**
 * For every pod of `namespace` (listed by `kubectl`): what `kubectl podtrail diagnose POD --json`
 * said, and what the pod page's API (GET /api/clusters/{c}/namespaces/{ns}/pods/{pod}) said.
 */
export async function pluginAndPage(options: {
  namespace: string;
  kubectl: (args: string[]) => Promise<CommandRun>;
  cluster: string;
  podPage: (
    request: Request,
    context: { params: Promise<{ cluster: string; namespace: string; pod: string }> },
  ) => Promise<Response>;
}): Promise<{ plugin: Said[]; page: Said[] }> {
  const { namespace, kubectl } = options;
  const listed = await kubectl([
    'get',
    'pods',
    '-n',
    namespace,
    '-o',
    'jsonpath={.items[*].metadata.name}',
  ]);
  if (listed.status !== 0) throw new Error(`kubectl get pods -n ${namespace}: ${listed.stderr}`);
  const plugin: Said[] = [];
  const page: Said[] = [];
  for (const pod of listed.stdout.split(/\s+/).filter(Boolean)) {
    const result = await kubectl(['podtrail', 'diagnose', pod, '-n', namespace, '--json']);
    if (result.status !== 0 || result.stderr !== '')
      throw new Error(
        `kubectl podtrail diagnose ${pod} -n ${namespace}: exit ${result.status}\n${result.stderr}`,
      );
    const json = JSON.parse(result.stdout);
    plugin.push({
      pod,
      ids: json.findings.map((f: { id: string }) => f.id),
      status: json.pod.status,
    });
    const params = Promise.resolve({ cluster: options.cluster, namespace, pod });
    const view = await (await options.podPage(new Request('http://t'), { params })).json();
    page.push({
      pod,
      ids: view.diagnosis.findings.map((f: { id: string }) => f.id),
      status: view.diagnosis.pod.status,
    });
  }
  return { plugin, page };
}
