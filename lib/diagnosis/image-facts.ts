// Image references and the runtime's imageID. Formats (kubernetes-semantics.md §2.4):
//   containerd  imageID `docker.io/library/nginx@sha256:…` (repo digest; index digest for multi-arch)
//   docker      imageID `docker-pullable://nginx@sha256:…`, or `docker://sha256:…` (local image id only)
//   CRI-O       imageID `<repo>@sha256:…`

/** An image reference split into its parts, normalised the way Docker Hub names are. */
export interface ImageRef {
  /** Registry host, `docker.io` when none is given. */
  registry: string;
  /** Repository path, `library/nginx` for official Docker Hub images. */
  repository: string;
  tag?: string;
  digest?: string;
}

const DIGEST = /sha256:[a-f0-9]{64}/i;

/**
 * Answers of a pure string function, remembered (frozen) for the next caller: a board of 10,000
 * pods asks the same few thousand image names and imageIDs tens of thousands of times (each pod
 * against its siblings). Bounded: cleared when full.
 */
function remembered<T extends object>(parse: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let answer = memo.get(text);
    if (!answer) {
      if (memo.size >= 20_000) memo.clear();
      answer = Object.freeze(parse(text));
      memo.set(text, answer);
    }
    return answer;
  };
}

/** Splits an image reference (`nginx:1.25`, `ghcr.io/o/app@sha256:…`) into registry, repository, tag, digest. */
export const parseImageRef: (image: string) => ImageRef = remembered(splitImageRef);

function splitImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  const hasHost = parts.length > 1 && (/[.:]/.test(first) || first === 'localhost');
  let registry = hasHost ? first : 'docker.io';
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  let repository = (hasHost ? parts.slice(1) : parts).join('/');
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (!tag && !digest) tag = 'latest';
  return { registry, repository, tag, digest };
}

/** What an imageID tells: the repository and the digest the node resolved, if any. */
export interface ImageIdFacts {
  repository?: string;
  /** The repo (manifest/index) digest, comparable to a registry's Docker-Content-Digest. */
  digest?: string;
  /** A node-local image config id (`docker://sha256:…`), not comparable to registry digests. */
  localId?: string;
}

/** Parses a containerStatuses[].imageID of any runtime. */
export function parseImageID(imageID: string | undefined): ImageIdFacts {
  return imageID ? parseKnownImageID(imageID) : {};
}

const parseKnownImageID = remembered((imageID: string): ImageIdFacts => {
  const pullable = imageID.replace(/^docker-pullable:\/\//, '');
  if (/^docker:\/\//.test(pullable)) {
    return { localId: DIGEST.exec(pullable)?.[0]?.toLowerCase() };
  }
  const at = pullable.indexOf('@');
  const digest = DIGEST.exec(pullable)?.[0]?.toLowerCase();
  if (at < 0) return digest ? { localId: digest } : {};
  const repo = parseImageRef(pullable.slice(0, at));
  return { repository: `${repo.registry}/${repo.repository}`, digest };
});

/** The digest a container status says it runs (repo digest), if the runtime reported one. */
export function runningDigest(imageID: string | undefined): string | undefined {
  return parseImageID(imageID).digest;
}

/** Normalises a digest for comparison (`SHA256:AB…` → `sha256:ab…`); undefined if it is not one. */
export function normalizeDigest(digest: string | undefined): string | undefined {
  return digest ? DIGEST.exec(digest)?.[0]?.toLowerCase() : undefined;
}

/** Shortens a digest for display: `sha256:9f2c4a1b…`. */
export function shortDigest(digest: string): string {
  const m = /^(sha256:)?([a-f0-9]+)$/i.exec(digest);
  return m ? `${m[1] ?? ''}${(m[2] ?? '').slice(0, 12)}…` : digest;
}
