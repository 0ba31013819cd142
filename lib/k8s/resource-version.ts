// resourceVersions are opaque strings (https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions).
// KEP-5504 lets clients order them when both are decimal integers without leading zeros, which is
// what every etcd-backed server sends. This file is the only place that looks inside them.

const decimal = /^[1-9][0-9]*$/;

/**
 * Compares two resourceVersions: negative when `a` is older, positive when newer, 0 when equal,
 * undefined when they cannot be ordered (then only equality is known).
 */
export function compareResourceVersions(a: string, b: string): number | undefined {
  if (a === b) return 0;
  if (!decimal.test(a) || !decimal.test(b)) return undefined;
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : 1;
}

/** True when `candidate` is known to be older than or equal to `current` (a replayed event). */
export function isNotNewer(candidate: string | undefined, current: string | undefined): boolean {
  if (candidate === undefined || current === undefined) return false;
  const order = compareResourceVersions(candidate, current);
  return order !== undefined && order <= 0;
}
