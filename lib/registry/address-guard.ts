// Registry look-ups reach hosts named by image references and by registries' own auth
// challenges (the token realm), both outside Podtrail's control. Before such a request, the host
// is resolved and refused when any address is loopback, link-local (cloud metadata lives at
// 169.254.169.254 and fd00:ec2::254) or unspecified — unless the operator allowed it.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host name to every address (injectable for tests). */
export type LookupAll = (host: string) => Promise<string[]>;

const systemLookup: LookupAll = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

const blocked = new BlockList();
blocked.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
blocked.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. cloud metadata
blocked.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network", 0.0.0.0 reaches loopback on Linux
blocked.addSubnet('100.100.100.200', 32, 'ipv4'); // Alibaba Cloud metadata
blocked.addAddress('::1', 'ipv6');
blocked.addAddress('::', 'ipv6');
blocked.addSubnet('fe80::', 10, 'ipv6'); // link-local
blocked.addSubnet('fd00:ec2::', 32, 'ipv6'); // AWS metadata over IPv6

const blockedNames = new Set(['localhost', 'metadata', 'metadata.google.internal']);

/** The address as the BlockList wants it: IPv4-mapped IPv6 (::ffff:127.0.0.1) as IPv4. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** True when an IP address is loopback, link-local, metadata or unspecified. */
export function isForbiddenAddress(address: string): boolean {
  const { address: a, family } = normalise(address);
  return blocked.check(a, family);
}

/** Throws when `url` may not be fetched: not http(s), or a host resolving to a forbidden address. */
export async function assertFetchable(
  url: string,
  lookup: LookupAll = systemLookup,
): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`registry URL scheme ${parsed.protocol} is not allowed`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (blockedNames.has(host) || host.endsWith('.localhost')) {
    throw new Error(`registry host ${host} is a local address; not asked`);
  }
  const addresses = isIP(host) ? [host] : await lookup(host);
  const bad = addresses.find(isForbiddenAddress);
  if (bad !== undefined) {
    throw new Error(
      `registry host ${host} resolves to ${bad} (loopback, link-local or metadata); not asked`,
    );
  }
}
