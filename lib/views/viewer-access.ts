// Per-user access (PODTRAIL_IMPERSONATE): the board, pod and workload views come from the shared
// watch caches (one watch per resource, as Podtrail), and each viewer sees only the namespaces in
// which their own RBAC lets them list pods, as the API server answers it for them (lib/k8s
// NamespaceAccess). Without a viewer (impersonation off) everything passes unchanged.
import type { Impersonation } from '../k8s';
import { countRows } from './board-view';
import { ForbiddenError } from './errors';
import { getRuntime, type Runtime } from './runtime';
import type { GoDestination } from './go-view';
import type { BoardView } from './types';

/** Who is looking, when the cluster is read per user; undefined when it is not. */
export type Viewer = Impersonation | undefined;

/** The words a person reads when their RBAC keeps them out of a namespace. */
function noAccess(viewer: Impersonation, cluster: string, namespace: string): ForbiddenError {
  return new ForbiddenError(
    `No access to namespace ${namespace}: the cluster "${cluster}" does not let ${viewer.user} list pods there. Ask its administrators for a RoleBinding.`,
  );
}

/** Throws ForbiddenError ("No access to namespace X") when the viewer may not list pods there. */
export async function checkNamespaceAccess(
  viewer: Viewer,
  ref: { cluster: string; namespace: string },
  runtime: Runtime = getRuntime(),
): Promise<void> {
  if (!viewer || !runtime.access.caches.cluster(ref.cluster)) return;
  const access = runtime.access.namespaceAccess(ref.cluster);
  if (!(await access.mayListPods(viewer, ref.namespace)))
    throw noAccess(viewer, ref.cluster, ref.namespace);
}

/**
 * A board narrowed to one namespace the viewer may not list pods in (in any of the clusters it
 * covers) says so, rather than showing an empty board as if nothing were wrong there.
 */
export async function checkBoardAccess(
  viewer: Viewer,
  filters: { cluster?: string; namespace?: string },
  runtime: Runtime = getRuntime(),
): Promise<void> {
  const { namespace } = filters;
  if (!viewer || !namespace) return;
  const clusters = runtime.access.clusters
    .map((c) => c.name)
    .filter((name) => !filters.cluster || name === filters.cluster);
  const answers = await Promise.all(
    clusters.map((cluster) =>
      runtime.access.namespaceAccess(cluster).mayListPods(viewer, namespace),
    ),
  );
  const [first] = clusters;
  if (first && !answers.some(Boolean)) throw noAccess(viewer, filters.cluster ?? first, namespace);
}

/** The board with only the rows of namespaces the viewer may list pods in, counted again. */
export async function boardForViewer(
  board: BoardView,
  viewer: Viewer,
  runtime: Runtime = getRuntime(),
): Promise<BoardView> {
  if (!viewer) return board;
  const byCluster = new Map<string, Set<string>>();
  for (const row of board.rows) {
    const namespaces = byCluster.get(row.cluster) ?? new Set<string>();
    namespaces.add(row.namespace);
    byCluster.set(row.cluster, namespaces);
  }
  const allowed = new Map<string, Set<string>>();
  await Promise.all(
    [...byCluster].map(async ([cluster, namespaces]) => {
      const access = runtime.access.namespaceAccess(cluster);
      allowed.set(cluster, await access.allowedNamespaces(viewer, namespaces));
    }),
  );
  const rows = board.rows.filter((row) => allowed.get(row.cluster)?.has(row.namespace));
  return { ...board, rows, counts: countRows(rows) };
}

/**
 * A /go link for a viewer: a pod or workload page checks access itself; the "not found" answer
 * (what history remembers) keeps only pods and alerts of namespaces the viewer may list pods in.
 */
export async function goForViewer(
  to: GoDestination,
  viewer: Viewer,
  runtime: Runtime = getRuntime(),
): Promise<GoDestination> {
  if (!viewer || to.to !== 'not-found') return to;
  const { cluster, namespace } = to.target;
  if (cluster && namespace) await checkNamespaceAccess(viewer, { cluster, namespace }, runtime);
  const clusters = runtime.access.clusters.map((c) => c.name);
  const namespaces = new Set([
    ...to.pods.map((p) => p.namespace),
    ...to.alerts.flatMap((a) => (a.namespace ? [a.namespace] : [])),
  ]);
  const allowed = new Map<string, Set<string>>();
  await Promise.all(
    clusters.map(async (c) => {
      const access = runtime.access.namespaceAccess(c);
      allowed.set(c, await access.allowedNamespaces(viewer, namespaces));
    }),
  );
  const anywhere = (ns: string) => [...allowed.values()].some((set) => set.has(ns));
  return {
    ...to,
    pods: to.pods.filter((p) => allowed.get(p.cluster)?.has(p.namespace)),
    alerts: to.alerts.filter((a) => a.namespace !== undefined && anywhere(a.namespace)),
  };
}
