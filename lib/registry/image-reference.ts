// Image references as the container runtime reads them: docker.io is the default registry and
// single-name images live under library/ (https://github.com/distribution/reference).

/** A parsed image reference. */
export interface ImageReference {
  /** Registry host as written (docker.io for Docker Hub). */
  host: string;
  /** Repository path on that registry, e.g. library/nginx. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses `[host/]path[:tag][@digest]`, normalising Docker Hub names. */
export function parseImageReference(image: string): ImageReference {
  const [withoutDigest = '', digest] = image.split('@');
  const firstSlash = withoutDigest.indexOf('/');
  const first = firstSlash >= 0 ? withoutDigest.slice(0, firstSlash) : '';
  const hasHost =
    first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  let host = hasHost ? first : 'docker.io';
  let rest = hasHost ? withoutDigest.slice(firstSlash + 1) : withoutDigest;
  const colon = rest.lastIndexOf(':');
  const tag = colon >= 0 ? rest.slice(colon + 1) : undefined;
  if (colon >= 0) rest = rest.slice(0, colon);
  if (host === 'index.docker.io' || host === 'registry-1.docker.io') host = 'docker.io';
  if (host === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { host, repository: rest, tag: digest ? tag : (tag ?? 'latest'), digest };
}

/** The HTTPS endpoint of a registry host (Docker Hub's API lives on registry-1.docker.io). */
export function registryEndpoint(host: string): string {
  return host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${host}`;
}
