/**
 * A minimal OCI distribution endpoint (distribution-spec v1.1 "pull" + tags list): HEAD/GET
 * /v2/<name>/manifests/<tag|digest> with Docker-Content-Digest and the manifest media type, and
 * the spec's JSON error bodies (MANIFEST_UNKNOWN, NAME_UNKNOWN).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA, type ImageRegistry } from '../registry/image-registry';

const API_VERSION = { 'Docker-Distribution-API-Version': 'registry/2.0' };

function sendRegistryError(
  res: ServerResponse,
  code: number,
  error: string,
  message: string,
  detail: unknown,
  head: boolean,
): void {
  const body = JSON.stringify({ errors: [{ code: error, message, detail }] });
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...API_VERSION,
  });
  res.end(head ? undefined : body);
}

/** The spec's 404 for a repository the registry does not have; true (the request is answered). */
function sendNameUnknown(res: ServerResponse, name: string, head: boolean): true {
  sendRegistryError(
    res,
    404,
    'NAME_UNKNOWN',
    'repository name not known to registry',
    { name },
    head,
  );
  return true;
}

function acceptsIndex(accept: string | undefined): boolean {
  if (!accept) return true;
  return (
    accept.includes(MEDIA.index) ||
    accept.includes('application/vnd.docker.distribution.manifest.list.v2+json') ||
    accept.includes('*/*')
  );
}

/** Serves /v2/... requests; returns false if the path is not a registry path. */
export function serveRegistry(
  req: IncomingMessage,
  res: ServerResponse,
  registry: ImageRegistry,
  path: string,
): boolean {
  if (!path.startsWith('/v2/') && path !== '/v2') return false;
  const head = req.method === 'HEAD';
  if (path === '/v2/' || path === '/v2') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 2, ...API_VERSION });
    res.end(head ? undefined : '{}');
    return true;
  }
  if (path === '/v2/_catalog') {
    const body = JSON.stringify({ repositories: registry.repositories() });
    res.writeHead(200, { 'Content-Type': 'application/json', ...API_VERSION });
    res.end(body);
    return true;
  }
  const tags = /^\/v2\/(.+)\/tags\/list$/.exec(path);
  if (tags) {
    const name = tags[1] ?? '';
    if (!registry.hasRepository(name)) return sendNameUnknown(res, name, head);
    const body = JSON.stringify({ name, tags: registry.listTags(name) });
    res.writeHead(200, { 'Content-Type': 'application/json', ...API_VERSION });
    res.end(head ? undefined : body);
    return true;
  }
  const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
  if (!m || (req.method !== 'GET' && !head)) {
    sendRegistryError(res, 404, 'UNSUPPORTED', 'The operation is unsupported.', {}, head);
    return true;
  }
  const name = m[1] ?? '';
  const reference = decodeURIComponent(m[2] ?? '');
  if (!registry.hasRepository(name)) return sendNameUnknown(res, name, head);
  let manifest = registry.resolve(name, reference);
  if (!manifest) {
    sendRegistryError(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown', { name, reference }, head);
    return true;
  }
  if (manifest.mediaType === MEDIA.index && !acceptsIndex(req.headers.accept)) {
    // A client that only takes single manifests gets the linux/amd64 one (its own digest).
    const index = JSON.parse(manifest.body) as {
      manifests: { digest: string; platform: { architecture: string } }[];
    };
    const amd64 = index.manifests.find((d) => d.platform.architecture === 'amd64');
    manifest = amd64 ? (registry.resolve(name, amd64.digest) ?? manifest) : manifest;
  }
  res.writeHead(200, {
    'Content-Type': manifest.mediaType,
    'Content-Length': Buffer.byteLength(manifest.body),
    'Docker-Content-Digest': manifest.digest,
    ETag: `"${manifest.digest}"`,
    ...API_VERSION,
  });
  res.end(head ? undefined : manifest.body);
  return true;
}
