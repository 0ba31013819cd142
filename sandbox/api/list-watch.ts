/**
 * GET on collections and objects: list (resourceVersion semantics, limit/continue paging,
 * label/field selectors) and get. Watches live in watch-stream.ts.
 */
import type { ObjectStore } from '../store/object-store';
import { ExpiredError } from '../store/object-store';
import { apiVersionOf, type ResourceDef } from '../store/resources';
import {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
  type Matcher,
} from '../store/selectors';
import type { KObject } from '../store/types';
import {
  badRequest,
  CONTINUE_EXPIRED_MESSAGE,
  expired,
  notFound,
  tooLargeResourceVersion,
} from './status';
import { intParam } from './http-util';

/** Where a resource's objects come from: a store bucket, possibly seen through a conversion. */
export interface ResourceSource {
  def: ResourceDef;
  /** Store bucket holding the objects (and feeding watches); absent for computed resources. */
  storeId?: string;
  /** Converts a stored object to this resource's shape (events.k8s.io view of core events). */
  view?: (obj: KObject) => KObject;
  /** Computes the objects on each request (metrics.k8s.io). */
  compute?: () => KObject[];
}

/** Parsed selectors and scope of a list or watch request. */
export interface Query {
  namespace?: string;
  matches: Matcher;
}

/** Builds the namespace + selector matcher of a request (400 on a bad selector). */
export function buildQuery(
  source: ResourceSource,
  namespace: string | undefined,
  q: URLSearchParams,
): Query {
  try {
    const labels = parseLabelSelector(q.get('labelSelector'));
    const fields = parseFieldSelector(source.storeId ?? source.def.id, q.get('fieldSelector'));
    return {
      namespace,
      matches: (o) => (!namespace || o.metadata.namespace === namespace) && labels(o) && fields(o),
    };
  } catch (err) {
    if (err instanceof SelectorError) throw badRequest(err.message);
    throw err;
  }
}

/** The object as served: converted if needed, with kind and apiVersion. */
export function present(source: ResourceSource, obj: KObject): KObject {
  return source.view ? source.view(obj) : obj;
}

interface ContinueToken {
  rv: number;
  start: string;
}

function encodeContinue(t: ContinueToken): string {
  // Same shape as k8s.io/apiserver/pkg/storage continueToken: {"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}.
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start });
  return Buffer.from(json).toString('base64url');
}

function decodeContinue(s: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (
      parsed.v !== 'meta.k8s.io/v1' ||
      typeof parsed.rv !== 'number' ||
      typeof parsed.start !== 'string'
    ) {
      throw new Error('bad token');
    }
    return { rv: parsed.rv, start: parsed.start };
  } catch {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
}

function keyOf(o: KObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

/** A list answer: the objects of one page and the list metadata. */
export interface ListResult {
  items: KObject[];
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
}

/** Lists a resource with the API server's resourceVersion, paging and selector semantics. */
export function listObjects(
  store: ObjectStore,
  source: ResourceSource,
  query: Query,
  q: URLSearchParams,
): ListResult {
  const limit = intParam(q, 'limit');
  const cont = q.get('continue');
  const rvParam = q.get('resourceVersion');
  const rvMatch = q.get('resourceVersionMatch');
  const current = store.currentRv();
  let atRv = current;
  let start = '';
  if (cont) {
    if (rvParam) throw badRequest('specifying resource version is not allowed when using continue');
    const token = decodeContinue(cont);
    if (token.rv < store.oldestRv()) throw expired(CONTINUE_EXPIRED_MESSAGE);
    atRv = token.rv;
    start = token.start;
  } else if (rvParam && rvParam !== '0') {
    if (!/^\d+$/.test(rvParam)) throw badRequest(`invalid resource version: ${rvParam}`);
    const rv = Number(rvParam);
    if (rv > current) throw tooLargeResourceVersion(rv, current);
    if (rvMatch === 'Exact') atRv = rv;
  }
  let all: KObject[];
  if (source.compute) all = source.compute();
  else {
    try {
      all = store.listAt(source.storeId ?? source.def.id, atRv);
    } catch (err) {
      if (err instanceof ExpiredError) throw expired(err.message);
      throw err;
    }
  }
  let items = all.map((o) => present(source, o)).filter(query.matches);
  if (start) items = items.filter((o) => keyOf(o) + '\u0000' > start);
  const metadata: ListResult['metadata'] = { resourceVersion: String(atRv) };
  if (limit && limit > 0 && items.length > limit) {
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    metadata.continue = encodeContinue({ rv: atRv, start: last ? keyOf(last) + '\u0000' : '' });
    if (!q.get('labelSelector') && !q.get('fieldSelector'))
      metadata.remainingItemCount = items.length - limit;
    items = page;
  }
  return { items, metadata };
}

/** Wraps list items into the `<Kind>List` body (items carry no kind/apiVersion, as on a real server). */
export function listBody(def: ResourceDef, result: ListResult): Record<string, unknown> {
  return {
    kind: `${def.kind}List`,
    apiVersion: apiVersionOf(def),
    metadata: result.metadata,
    items: result.items.map((o) => {
      const copy: Record<string, unknown> = { ...o };
      delete copy.kind;
      delete copy.apiVersion;
      return copy;
    }),
  };
}

/** Reads one object or throws the real 404. */
export function getObject(
  store: ObjectStore,
  source: ResourceSource,
  namespace: string | undefined,
  name: string,
): KObject {
  let obj: KObject | undefined;
  if (source.compute) {
    obj = source
      .compute()
      .find((o) => o.metadata.name === name && o.metadata.namespace === namespace);
  } else {
    obj = store.get(source.storeId ?? source.def.id, namespace, name);
  }
  if (!obj) throw notFound(source.def.group, source.def.plural, name);
  return present(source, obj);
}
