// Clusters Podtrail can read: every context of KUBECONFIG / ~/.kube/config, or the in-cluster
// service account when running in a pod. Loading parses files only; no request is made.
import { KubeConfig } from '@kubernetes/client-node';
import { Transport } from './transport';

/** One cluster (a kubeconfig context) and the transport that reaches it. */
export interface ClusterConnection {
  name: string;
  server: string;
  /** The context's default namespace, used when cluster-wide lists are forbidden. */
  defaultNamespace?: string;
  /**
   * The namespaces Podtrail may read, when it may not list namespaces (a Role per namespace,
   * PODTRAIL_NAMESPACES): watched one by one when a cluster-wide list is forbidden.
   */
  namespaces?: string[];
  transport: Transport;
}

/** Where clusters come from. */
export interface LoadClustersOptions {
  /** A kubeconfig path list (as KUBECONFIG); defaults to the KUBECONFIG env var / ~/.kube/config. */
  kubeconfig?: string;
  /** A kubeconfig as text, instead of files. */
  kubeconfigText?: string;
  /** Use the in-cluster service account even if a kubeconfig exists. */
  inCluster?: boolean;
  /** The namespaces readable in every cluster (ClusterConnection.namespaces). */
  namespaces?: string[];
}

function baseConfig(options: LoadClustersOptions): KubeConfig {
  const kc = new KubeConfig();
  if (options.kubeconfigText !== undefined) {
    kc.loadFromString(options.kubeconfigText);
  } else if (options.inCluster) {
    kc.loadFromCluster();
  } else if (options.kubeconfig) {
    for (const file of options.kubeconfig.split(':').filter(Boolean)) {
      const part = new KubeConfig();
      part.loadFromFile(file);
      kc.mergeConfig(part);
      if (!kc.currentContext) kc.currentContext = part.currentContext;
    }
  } else {
    kc.loadFromDefault();
  }
  return kc;
}

/** A KubeConfig whose current context is `context` (so client-node auth applies to it). */
function configForContext(kc: KubeConfig, context: string): KubeConfig {
  const one = new KubeConfig();
  one.loadFromOptions({
    // client-node refuses plain http:// servers unless skipTLSVerify is set; with no TLS there
    // is nothing to verify, so setting it only selects its http.Agent (kubectl needs no flag).
    clusters: kc.clusters.map((c) =>
      c.server.startsWith('http:') ? { ...c, skipTLSVerify: true } : c,
    ),
    users: kc.users,
    contexts: kc.contexts,
    currentContext: context,
  });
  return one;
}

/** client-node's loadFromDefault falls back to this when it finds no configuration at all. */
function isEmptyFallback(kc: KubeConfig): boolean {
  const [only] = kc.clusters;
  return (
    kc.clusters.length === 1 && only?.name === 'cluster' && only.server === 'http://localhost:8080'
  );
}

/** Every context as a cluster, the current context first (none when nothing is configured). */
export function loadClusters(options: LoadClustersOptions = {}): ClusterConnection[] {
  const kc = baseConfig(options);
  if (isEmptyFallback(kc)) return [];
  const contexts = [...kc.getContexts()].sort((a, b) =>
    a.name === kc.currentContext ? -1 : b.name === kc.currentContext ? 1 : 0,
  );
  return contexts.flatMap((context) => {
    const config = configForContext(kc, context.name);
    const server = config.getCurrentCluster()?.server;
    if (!server) return [];
    return [
      {
        name: context.name,
        server,
        defaultNamespace: context.namespace,
        ...(options.namespaces?.length ? { namespaces: options.namespaces } : {}),
        transport: new Transport(config, context.name),
      },
    ];
  });
}
