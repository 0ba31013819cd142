// kubectl-podtrail: the kubectl plugin (`kubectl podtrail ...` runs it from PATH).
//   kubectl podtrail diagnose POD [-n NS] [--context CTX] [-c CONTAINER] [--json]
//   kubectl podtrail open POD [-n NS] [--context CTX] [-c CONTAINER]
// diagnose reads the pod, its namespace's events and owners and the containers' logs through the
// kubeconfig (client-node: the same credentials and exec plugins as kubectl) and prints what the
// pod page shows, computed by the same code (lib/views readPodViewOnce → lib/diagnosis). open
// prints the pod page's URL on the Podtrail at PODTRAIL_URL. Exit 1 when the cluster says no
// (not found, forbidden, unreachable), 2 on a usage error.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { K8sError, loadClusters, type ClusterConnection } from '../lib/k8s';
import { createRuntime, NotFoundError, readPodViewOnce, stopRuntime } from '../lib/views';
import { podPath } from '../components/format/names';
import { formatDiagnosis } from './format-diagnosis';
import { toJsonReport } from './podtrail';

const USAGE = `usage: kubectl podtrail diagnose POD [-n NAMESPACE] [--context CONTEXT] [-c CONTAINER] [--json]
       kubectl podtrail open POD [-n NAMESPACE] [--context CONTEXT] [-c CONTAINER]
       (--kubeconfig FILE, else KUBECONFIG or ~/.kube/config; open needs PODTRAIL_URL)`;

type Io = { out: (text: string) => void; err: (text: string) => void };

/** Usage errors: printed with the usage, exit 2. */
class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      namespace: { type: 'string', short: 'n' },
      context: { type: 'string' },
      container: { type: 'string', short: 'c' },
      kubeconfig: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, pod, ...extra] = positionals;
  if (values.help) return { help: true as const };
  if (command !== 'diagnose' && command !== 'open')
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  if (!pod) throw new UsageError(`${command} needs a pod name`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return { ...values, help: false as const, command, pod };
}

/** The kubeconfig's contexts; a kubeconfig that cannot be read is the user's to fix (exit 2). */
function readClusters(kubeconfig: string | undefined): ClusterConnection[] {
  try {
    return loadClusters({ kubeconfig });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read the kubeconfig: ${reason}`);
  }
}

/** The kubeconfig context to use: --context, else the current one (listed first). */
function pickContext(clusters: ClusterConnection[], context: string | undefined) {
  if (clusters.length === 0) throw new UsageError('no kubeconfig context found (set KUBECONFIG)');
  const found = context ? clusters.find((c) => c.name === context) : clusters[0];
  if (!found) throw new UsageError(`context "${context}" is not in the kubeconfig`);
  return found;
}

async function run(argv: string[], io: Io): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const cluster = pickContext(readClusters(args.kubeconfig), args.context);
  const namespace = args.namespace ?? cluster.defaultNamespace ?? 'default';
  if (args.command === 'open') {
    const base = process.env.PODTRAIL_URL;
    if (!base) throw new UsageError('set PODTRAIL_URL to the Podtrail the link should open');
    const container = args.container ? `?container=${encodeURIComponent(args.container)}` : '';
    io.out(`${base.replace(/\/$/, '')}${podPath(cluster.name, namespace, args.pod)}${container}`);
    return 0;
  }
  const runtime = createRuntime({ clusters: [cluster], history: false });
  try {
    const view = await readPodViewOnce(
      { cluster: cluster.name, namespace, name: args.pod },
      runtime,
    );
    const d = view.diagnosis;
    const containers = args.container
      ? d.containers.filter((c) => c.name === args.container)
      : d.containers;
    if (args.container && containers.length === 0)
      throw new UsageError(`pod ${args.pod} has no container "${args.container}"`);
    const shown = { ...d, containers };
    io.out(
      args.json
        ? JSON.stringify(toJsonReport({ diagnosis: shown, kinds: [], warnings: [] }), null, 2)
        : formatDiagnosis(shown, []),
    );
    return 0;
  } finally {
    await stopRuntime(runtime);
  }
}

/** Runs the plugin with `argv` (without node and script); resolves to the exit code. */
export async function main(
  argv: string[],
  io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) },
): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`kubectl-podtrail: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof NotFoundError || error instanceof K8sError) {
      io.err(`kubectl-podtrail: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

// Run directly (tsx); the installed command is the launcher cli/bin/kubectl-podtrail.cjs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
