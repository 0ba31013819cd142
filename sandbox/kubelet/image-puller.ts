/**
 * EnsureImageExists (pkg/kubelet/images/image_manager.go): pull policy, the "already present"
 * short cut, pull events with their exact messages, and the image pull back-off
 * (imageBackOffPeriod 10s, MaxImageBackOff 300s, key `<podUID>_<image>`).
 */
import { formatGoDuration } from '../sim/go-duration';
import type { Rng } from '../sim/rng';
import type { ImageRegistry } from '../registry/image-registry';
import { fullName, parseImageRef, repoDigest } from '../registry/image-ref';
import { Backoff } from './backoff';

/** A node's local image store: fully-qualified reference → index digest. */
export type NodeImages = Map<string, string>;

/** The image a container runs: status.image, status.imageID and the index digest. */
export interface ImageInfo {
  image: string;
  imageID: string;
  digest: string;
}

/** The outcome of a pull. */
export type PullOutcome =
  | ({ kind: 'pulled'; pullMs: number; size: number } & ImageInfo)
  | { kind: 'failed'; error: string };

/** Image pulls of one kubelet. */
export class ImagePuller {
  readonly backoff = new Backoff({ initialMs: 10_000, maxMs: 300_000, resetMs: 600_000 });

  constructor(
    private readonly registry: ImageRegistry,
    private readonly rng: Rng,
  ) {}

  /** Whether the image must be pulled (policy Always, or absent locally). */
  needsPull(images: NodeImages, image: string, policy: string | undefined): boolean {
    const ref = parseImageRef(image);
    const effective = policy ?? (ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
    if (effective === 'Always') return true;
    return !images.has(fullName(ref));
  }

  /** The image as present on the node (no pull). */
  present(images: NodeImages, image: string): ImageInfo {
    const ref = parseImageRef(image);
    const digest = images.get(fullName(ref)) ?? ref.digest ?? '';
    return { image: fullName(ref), imageID: repoDigest(ref, digest), digest };
  }

  /** Whether a pull for (pod, image) is currently backed off; returns the waiting message. */
  inBackoff(podUid: string, image: string, now: number): string | undefined {
    const key = `${podUid}_${image}`;
    if (!this.backoff.isInBackOffSinceUpdate(key, now)) return undefined;
    return `Back-off pulling image "${image}"`;
  }

  /** How long the next pull takes (virtual ms). */
  pullDuration(images: NodeImages, image: string): number {
    const ref = parseImageRef(image);
    const prefix = `${ref.domain}/${ref.repository}`;
    // Layers shared with an older build of the same repository are already on the node.
    const known = [...images.keys()].some(
      (k) => k.startsWith(`${prefix}:`) || k.startsWith(`${prefix}@`),
    );
    return known ? this.rng.int(300, 900) : this.rng.int(1200, 4800);
  }

  /** Finishes a pull started `pullMs` ago: resolves the tag against the registry now. */
  completePull(
    images: NodeImages,
    podUid: string,
    image: string,
    pullMs: number,
    now: number,
  ): PullOutcome {
    const ref = parseImageRef(image);
    const name = fullName(ref);
    const manifest = this.registry.resolve(ref.repository, ref.digest ?? ref.tag ?? 'latest');
    if (!manifest) {
      this.backoff.next(`${podUid}_${image}`, now, now);
      // containerd's resolver error for an unknown tag (core/remotes/docker/resolver.go ErrNotFound).
      const reason = `failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`;
      return { kind: 'failed', error: `rpc error: code = NotFound desc = ${reason}` };
    }
    images.set(name, manifest.digest);
    images.set(repoDigest(ref, manifest.digest), manifest.digest);
    return {
      kind: 'pulled',
      image: name,
      imageID: repoDigest(ref, manifest.digest),
      digest: manifest.digest,
      pullMs,
      size: this.registry.sizeOf(manifest.digest),
    };
  }
}

/** The Pulled event message for a completed pull (durations truncated to ms, as the kubelet does). */
export function pulledMessage(image: string, pullMs: number, size: number): string {
  const d = formatGoDuration(pullMs);
  return `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${size} bytes.`;
}
