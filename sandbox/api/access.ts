/** Who may read what: the optional bearer token and namespaces made forbidden by tests. */
import type { IncomingMessage } from 'node:http';
import type { ResourceDef } from '../store/resources';
import { forbidden, unauthorized, type RequestAttributes } from './status';

/** The user behind SandboxOptions.restrictedToken (as contract/apiserver.ts names it). */
export const RESTRICTED_USER = 'podtrail-restricted';

/** How cluster-wide requests behave while some namespace is forbidden. */
export type ClusterScopeMode = 'forbid' | 'filter';

/** Authentication and a per-namespace authorizer. */
export class AccessControl {
  readonly forbiddenNamespaces = new Set<string>();
  clusterScope: ClusterScopeMode = 'forbid';

  /** The user of the request being handled (requests are authorised synchronously, one at a time). */
  private restricted = false;

  constructor(
    private readonly token?: string,
    /** A second token whose user RBAC binds to nothing: 403 on every resource (not discovery). */
    private readonly restrictedToken?: string,
  ) {}

  /** The user name in 403 messages. */
  user(): string {
    if (this.restricted) return RESTRICTED_USER;
    return this.token ? 'system:serviceaccount:podtrail:dashboard' : 'system:anonymous';
  }

  /** Throws 401 when a token is configured and the request does not carry it. */
  authenticate(req: IncomingMessage): void {
    this.restricted =
      !!this.restrictedToken && req.headers.authorization === `Bearer ${this.restrictedToken}`;
    if (!this.token || this.restricted) return;
    if (req.headers.authorization !== `Bearer ${this.token}`) throw unauthorized();
  }

  /**
   * Throws 403 like RBAC would for a user bound to Roles in every namespace but the forbidden
   * ones: requests inside a forbidden namespace fail, and so do cluster-wide reads of namespaced
   * resources (no ClusterRole) unless clusterScope is 'filter'.
   */
  authorize(options: RequestAttributes & { namespaced: boolean }): void {
    if (this.restricted) throw forbidden({ user: this.user(), ...options });
    if (this.forbiddenNamespaces.size === 0) return;
    const { namespace, namespaced, resource } = options;
    const denied = namespace
      ? this.forbiddenNamespaces.has(namespace) ||
        (resource === 'namespaces' && this.forbiddenNamespaces.has(options.name ?? ''))
      : namespaced && this.clusterScope === 'forbid';
    if (denied) throw forbidden({ user: this.user(), ...options });
  }

  /** authorize() for a verb on one of the sandbox's resources, named by its definition. */
  authorizeOn(verb: string, def: ResourceDef, namespace?: string, name?: string): void {
    this.authorize({
      verb,
      group: def.group,
      resource: def.plural,
      name,
      namespace,
      namespaced: def.namespaced,
    });
  }

  /** Whether an object of `namespace` may appear in a cluster-wide answer (filter mode). */
  visible(namespace: string | undefined): boolean {
    return !namespace || !this.forbiddenNamespaces.has(namespace);
  }
}

/** Request counters of /sandbox/stats: all clients, and by client (User-Agent's product). */
export class Stats {
  readonly requests = newCounters();
  readonly byAgent: Record<string, RequestCounters> = {};

  /** Counts one API request in the total (every request, discovery included). */
  count(req: IncomingMessage): void {
    this.requests.total++;
    this.of(req).total++;
  }

  /** Classifies an already counted request as a list, watch, get or log. */
  classify(req: IncomingMessage, kind: 'list' | 'watch' | 'get' | 'log'): void {
    this.requests[kind]++;
    this.of(req)[kind]++;
  }

  /** The counters of the request's client: "kubectl" of "kubectl/v1.37.2 (linux/amd64) …". */
  private of(req: IncomingMessage): RequestCounters {
    const agent = /^[^/\s]+/.exec(req.headers['user-agent'] ?? '')?.[0] ?? 'unknown';
    return (this.byAgent[agent] ??= newCounters());
  }
}

/** Requests in all and by kind. */
export interface RequestCounters {
  total: number;
  list: number;
  watch: number;
  get: number;
  log: number;
}

function newCounters(): RequestCounters {
  return { total: 0, list: 0, watch: 0, get: 0, log: 0 };
}
