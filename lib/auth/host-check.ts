// The Host header names who the browser thinks it is talking to. Checking it against a list
// closes DNS rebinding (a hostile page whose name re-resolves to 127.0.0.1 would otherwise read
// the dashboard with the victim's network position).
import type { AuthConfig } from './auth-config';

const loopbackNames = ['localhost', '127.0.0.1', '::1'];

/** The host name of a Host header value, without port and brackets, lower-case. */
export function hostNameOf(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']'));
  return value.replace(/:\d+$/, '');
}

/** True when the Host header names loopback or a configured public name. */
export function isAllowedHost(hostHeader: string | null, config: AuthConfig): boolean {
  if (!hostHeader) return false;
  const name = hostNameOf(hostHeader);
  return loopbackNames.includes(name) || config.allowedHosts.includes(name);
}
