/** A small seeded PRNG (mulberry32) so every sandbox run plays the same incident. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** An RFC 4122 version-4 UID, as the API server assigns to metadata.uid. */
  uid(): string {
    const h = this.hex(32);
    const variant = '89ab'[Math.floor(this.next() * 4)] ?? '8';
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * k8s.io/apimachinery/pkg/util/rand.String: generateName suffixes (5 chars for pods)
   * drawn from "bcdfghjklmnpqrstvwxz2456789" (no vowels, no look-alikes).
   */
  suffix(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += ALPHANUMS[Math.floor(this.next() * ALPHANUMS.length)];
    return out;
  }

  /** wait.Jitter(d, factor): d + rand[0,1)*factor*d (k8s.io/apimachinery/pkg/util/wait). */
  jitter(ms: number, factor: number): number {
    return ms + this.next() * factor * ms;
  }
}

/** The alphabet of k8s.io/apimachinery/pkg/util/rand. */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: maps each byte onto ALPHANUMS (used for pod-template-hash). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** FNV-1a 32-bit hash, the hasher behind controller.ComputeHash. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
