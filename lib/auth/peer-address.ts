// The address of the TCP peer, which Next.js does not hand to proxy.ts (its x-forwarded-for is
// whatever the client sent). bin/podtrail-server.cjs stamps every request with the socket's
// address and a per-process key; a stamp without the key is the client's forgery and ignored.
import { BlockList, isIP } from 'node:net';

/** Request headers the server entry sets (and overwrites when a client sent them). */
export const peerHeader = 'x-podtrail-peer';
export const peerKeyHeader = 'x-podtrail-peer-key';

/** The socket's address, when the request came through bin/podtrail-server.cjs. */
export function peerAddress(
  headers: Pick<Headers, 'get'>,
  key: string | undefined = process.env.PODTRAIL_PEER_KEY,
): string | undefined {
  if (!key || headers.get(peerKeyHeader) !== key) return undefined;
  const address = headers.get(peerHeader) ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? (isIP(address) ? address : undefined);
}

/** A matcher for a list of IPs and CIDRs (the trusted auth proxies). */
export function addressMatcher(entries: string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [ip = '', bits] = entry.split('/');
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
  }
  return (address) =>
    address !== undefined && list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}
