/**
 * `npm run apiserver -- --kubeconfig PATH [--no-build] [--log FILE]`
 * Builds etcd and kube-apiserver when needed, starts both on free localhost ports, writes a
 * kubeconfig (context `real`, admin token) and runs until SIGINT/SIGTERM, then stops both and
 * removes their temporary data.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KUBERNETES_VERSION, RESTRICTED_USER, startRealApiServer } from './apiserver';

const USAGE = `usage: npm run apiserver -- --kubeconfig PATH [--restricted-kubeconfig PATH] [--no-build] [--log FILE]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kubeconfig: { type: 'string' },
      'restricted-kubeconfig': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      log: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.kubeconfig) throw new Error(`--kubeconfig is required\n${USAGE}`);
  const cp = await startRealApiServer({
    kubeconfigPath: path.resolve(values.kubeconfig),
    build: !values['no-build'],
    logFile: values.log ? path.resolve(values.log) : undefined,
  });
  console.log(`apiserver: kube-apiserver ${KUBERNETES_VERSION} at ${cp.url} (etcd ${cp.etcdUrl})`);
  console.log(`apiserver: kubeconfig ${cp.kubeconfigPath} (context "real", user admin)`);
  if (values['restricted-kubeconfig']) {
    const file = cp.writeKubeconfig(
      path.resolve(values['restricted-kubeconfig']),
      cp.restrictedToken,
    );
    console.log(`apiserver: kubeconfig ${file} (user ${RESTRICTED_USER}, no RBAC bindings)`);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void cp.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`apiserver: ${(err as Error).message}`);
  process.exit(1);
});
