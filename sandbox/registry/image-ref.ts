/**
 * Image reference parsing as containerd normalises names (docker/reference ParseNormalizedNamed):
 * "nginx" → docker.io/library/nginx:latest, "acme/api:v2" → docker.io/acme/api:v2.
 */

/** A parsed image reference. */
export interface ImageRef {
  /** Registry host ("docker.io"). */
  domain: string;
  /** Repository path inside the registry ("library/nginx"). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses an image string from a pod spec. */
export function parseImageRef(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let domain = 'docker.io';
  const first = rest.split('/')[0] ?? '';
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    domain = first;
    rest = rest.slice(first.length + 1);
  }
  if (domain === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  if (!tag && !digest) tag = 'latest';
  return { domain, repository: rest, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The fully-qualified tagged name containerd reports as status.image ("docker.io/library/nginx:1.27"). */
export function fullName(ref: ImageRef): string {
  const base = `${ref.domain}/${ref.repository}`;
  if (ref.tag) return `${base}:${ref.tag}`;
  return `${base}@${ref.digest ?? ''}`;
}

/** The repo digest containerd reports as status.imageID ("docker.io/library/nginx@sha256:..."). */
export function repoDigest(ref: ImageRef, digest: string): string {
  return `${ref.domain}/${ref.repository}@${digest}`;
}
