/** Writes a kubeconfig for the sandbox whose cluster, context and user are all named `sandbox`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** Writes the kubeconfig file (mode 0600) and returns its path. */
export function writeKubeconfig(
  file: string,
  server: string,
  auth: { token?: string; caCert?: string } = {},
): string {
  const { token, caCert } = auth;
  const cluster = caCert
    ? { server, 'certificate-authority-data': Buffer.from(caCert).toString('base64') }
    : // @kubernetes/client-node 1.x refuses plain http:// servers unless skipTLSVerify is set.
      { server, 'insecure-skip-tls-verify': true };
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'sandbox', cluster }],
    contexts: [
      { name: 'sandbox', context: { cluster: 'sandbox', user: 'sandbox', namespace: 'default' } },
    ],
    'current-context': 'sandbox',
    users: [{ name: 'sandbox', user: token ? { token } : {} }],
    preferences: {},
  };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}
