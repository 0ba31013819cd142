/**
 * Installing Podtrail's chart on the real control plane the way a person would: the real helm
 * renders it, the real kubectl 1.37 applies it as the cluster admin, and a token requested for its
 * ServiceAccount (TokenRequest, `kubectl create token`) goes into a kubeconfig Podtrail reads.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { peerPath, REPO_ROOT } from './peers';
import type { RealEnv } from './real-env';

const run = promisify(execFile);

/** kubectl and helm for one release namespace. */
export interface Installer {
  /** kubectl 1.37 as the cluster admin; its stdout (the error carries kubectl's stderr). */
  kubectl(args: string[]): Promise<string>;
  /** `kubectl apply -f` / `kubectl delete -f` of manifests given as text. */
  kubectlText(verb: 'apply' | 'delete', text: string): Promise<string>;
  /** The chart rendered by the real helm into the release namespace with these values. */
  renderChart(...sets: string[]): Promise<string>;
  /** A kubeconfig file (context `real`) with a fresh token of the release's ServiceAccount. */
  serviceAccountKubeconfig(name: string): Promise<string>;
}

/** An installer into `namespace` (the release namespace, created if missing). */
export function installer(env: RealEnv, namespace: string): Installer {
  const dir = mkdtempSync(path.join(os.tmpdir(), `podtrail-install-${namespace}-`));
  let files = 0;
  const kubectl = async (args: string[]) =>
    (
      await run(peerPath('kubectl'), ['--kubeconfig', env.kubeconfig, ...args], {
        encoding: 'utf8',
      })
    ).stdout;
  return {
    kubectl,
    kubectlText(verb, text) {
      const file = path.join(dir, `manifests-${++files}.yaml`);
      writeFileSync(file, text);
      return kubectl(
        verb === 'delete' ? ['delete', '-f', file, '--wait=true'] : ['apply', '-f', file],
      );
    },
    async renderChart(...sets) {
      const args = ['template', 'podtrail', path.join(REPO_ROOT, 'deploy', 'helm', 'podtrail')];
      args.push('--namespace', namespace);
      for (const set of ['auth.existingSecret=podtrail-auth', ...sets]) args.push('--set', set);
      return (await run(peerPath('helm'), args, { encoding: 'utf8' })).stdout;
    },
    async serviceAccountKubeconfig(name) {
      const token = (
        await kubectl(['create', 'token', 'podtrail', '-n', namespace, '--duration=1h'])
      ).trim();
      const file = path.join(dir, name);
      const ca = Buffer.from(env.caCert).toString('base64');
      writeFileSync(
        file,
        stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [
            { name: 'real', cluster: { server: env.url, 'certificate-authority-data': ca } },
          ],
          users: [{ name: 'podtrail', user: { token } }],
          contexts: [{ name: 'real', context: { cluster: 'real', user: 'podtrail', namespace } }],
          'current-context': 'real',
        }),
        { mode: 0o600 },
      );
      return file;
    },
  };
}
