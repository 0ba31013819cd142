/**
 * The sandbox's image registry: repositories of OCI image indexes (amd64 + arm64 manifests) with
 * real sha256 digests over their JSON bodies, and mutable tags that can be re-pointed.
 */
import { createHash } from 'node:crypto';

/** OCI media types (opencontainers/image-spec specs-go/v1/mediatype.go). */
export const MEDIA = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

/** A stored manifest or index body. */
export interface StoredManifest {
  digest: string;
  mediaType: string;
  body: string;
}

/** An image build pushed to the registry. */
export interface PushedImage {
  digest: string;
  sizeBytes: number;
  platformDigests: string[];
}

function sha256(s: string): string {
  return 'sha256:' + createHash('sha256').update(s).digest('hex');
}

/** In-memory OCI distribution store. */
export class ImageRegistry {
  private readonly manifests = new Map<string, Map<string, StoredManifest>>();
  private readonly tags = new Map<string, Map<string, string>>();
  private readonly sizes = new Map<string, number>();

  /** Builds and stores an image (index + per-platform manifests) for `build`, optionally tagging it. */
  push(repository: string, build: string, tag?: string): PushedImage {
    const repo = this.repo(repository);
    const platformDigests: string[] = [];
    const entries: Record<string, unknown>[] = [];
    let total = 0;
    for (const architecture of ['amd64', 'arm64']) {
      const layerSizes = [
        29_150_000 + build.length * 1000,
        4_200_000 + build.length * 731,
        18_400_000,
      ];
      const layers = layerSizes.map((size, i) => ({
        mediaType: MEDIA.layer,
        digest: sha256(`${repository}/${build}/${architecture}/layer${i}`),
        size,
      }));
      const body = JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.manifest,
        config: {
          mediaType: MEDIA.config,
          digest: sha256(`${repository}/${build}/${architecture}/config`),
          size: 7023,
        },
        layers,
      });
      const digest = sha256(body);
      repo.set(digest, { digest, mediaType: MEDIA.manifest, body });
      platformDigests.push(digest);
      const size = layerSizes.reduce((a, b) => a + b, 0);
      if (architecture === 'amd64') total = size;
      entries.push({
        mediaType: MEDIA.manifest,
        digest,
        size: Buffer.byteLength(body),
        platform: { architecture, os: 'linux' },
      });
    }
    const body = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.index, manifests: entries });
    const digest = sha256(body);
    repo.set(digest, { digest, mediaType: MEDIA.index, body });
    this.sizes.set(digest, total);
    if (tag) this.tag(repository, tag, digest);
    return { digest, sizeBytes: total, platformDigests };
  }

  /** Points `tag` at `digest` (a mutable tag moving, like `docker push` of a rebuilt image). */
  tag(repository: string, tag: string, digest: string): void {
    if (!this.repo(repository).has(digest))
      throw new Error(`manifest ${digest} not in ${repository}`);
    let tags = this.tags.get(repository);
    if (!tags) this.tags.set(repository, (tags = new Map()));
    tags.set(tag, digest);
  }

  /** Removes a tag. */
  untag(repository: string, tag: string): void {
    this.tags.get(repository)?.delete(tag);
  }

  /** Resolves a tag or digest to its stored manifest. */
  resolve(repository: string, reference: string): StoredManifest | undefined {
    const digest = reference.startsWith('sha256:')
      ? reference
      : this.tags.get(repository)?.get(reference);
    return digest ? this.manifests.get(repository)?.get(digest) : undefined;
  }

  /** Whether the repository exists at all. */
  hasRepository(repository: string): boolean {
    return this.manifests.has(repository);
  }

  /** Tags of a repository, sorted. */
  listTags(repository: string): string[] {
    return [...(this.tags.get(repository)?.keys() ?? [])].sort();
  }

  /** Uncompressed-ish size reported in Pulled events for an index digest. */
  sizeOf(digest: string): number {
    return this.sizes.get(digest) ?? 0;
  }

  /** All repositories (for /v2/_catalog). */
  repositories(): string[] {
    return [...this.manifests.keys()].sort();
  }

  private repo(repository: string): Map<string, StoredManifest> {
    let repo = this.manifests.get(repository);
    if (!repo) this.manifests.set(repository, (repo = new Map()));
    return repo;
  }
}
