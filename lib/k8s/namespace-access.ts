// Per-user access on top of the shared watches (PODTRAIL_IMPERSONATE): the caches list and watch
// as Podtrail's own identity, and what each person sees of them is filtered by that person's own
// RBAC. The API server itself is asked, as the impersonated user, with a SelfSubjectAccessReview
// (every authenticated user may create one: the system:basic-user ClusterRole) whether they may
// list pods cluster-wide or in one namespace. Answers are kept briefly per user, so a board of
// many namespaces costs a handful of reviews per person per minute, not one per request.
import type { Scheduler } from './scheduler';
import type { Impersonation, Transport } from './transport';

/** The SelfSubjectAccessReview answer (authorization.k8s.io/v1), the part read here. */
interface AccessReview {
  status?: { allowed?: boolean; denied?: boolean; reason?: string };
}

const reviewPath = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

/** Whether people may list pods in a cluster's namespaces, asked as them and cached briefly. */
export class NamespaceAccess {
  private readonly answers = new Map<string, { at: number; allowed: Promise<boolean> }>();

  constructor(
    private readonly options: {
      transport: Transport;
      scheduler: Scheduler;
      /** How long an answer is kept (default 30 s: a new RoleBinding shows within that). */
      cacheMs?: number;
    },
  ) {}

  /** True when `who` may list pods in `namespace` (cluster-wide rights count). */
  async mayListPods(who: Impersonation, namespace: string): Promise<boolean> {
    if (await this.review(who, undefined)) return true;
    return this.review(who, namespace);
  }

  /** The namespaces of `namespaces` in which `who` may list pods. */
  async allowedNamespaces(who: Impersonation, namespaces: Iterable<string>): Promise<Set<string>> {
    const unique = [...new Set(namespaces)];
    const answers = await Promise.all(unique.map((ns) => this.mayListPods(who, ns)));
    return new Set(unique.filter((_, i) => answers[i]));
  }

  /** One review (undefined namespace: cluster-wide), from the cache while it is fresh. */
  private review(who: Impersonation, namespace: string | undefined): Promise<boolean> {
    const now = this.options.scheduler.now();
    const cacheMs = this.options.cacheMs ?? 30_000;
    for (const [key, entry] of this.answers) if (now - entry.at > cacheMs) this.answers.delete(key);
    const key = JSON.stringify([who.user, [...who.groups].sort(), namespace ?? null]);
    const hit = this.answers.get(key);
    if (hit) return hit.allowed;
    const allowed = this.ask(who, namespace);
    this.answers.set(key, { at: now, allowed });
    // A failed review is not remembered: the next request asks again.
    allowed.catch(() => this.answers.delete(key));
    return allowed;
  }

  private async ask(who: Impersonation, namespace: string | undefined): Promise<boolean> {
    const review = await this.options.transport.sendJson<AccessReview>(
      'POST',
      reviewPath,
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb: 'list', resource: 'pods', namespace } },
      },
      { impersonate: who, timeoutMs: 8_000, scope: { resource: 'selfsubjectaccessreviews' } },
    );
    return review.status?.allowed === true;
  }
}
