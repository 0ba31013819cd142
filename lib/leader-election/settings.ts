// The leader-election settings from the environment the Helm chart renders
// (deploy/helm/podtrail/templates/deployment.yaml): PODTRAIL_LEADER_ELECTION_LEASE names the Lease
// (`name` in POD_NAMESPACE, or `namespace/name`); POD_NAME (else the hostname) plus the process id
// is this replica's identity.
import os from 'node:os';

/** Where the recorder Lease lives and who this replica is. */
export interface LeaderElectionSettings {
  name: string;
  /** The Lease's namespace; default: POD_NAMESPACE, else the context's namespace, else default. */
  namespace?: string;
  identity: string;
}

/** The settings, or undefined when leader election is off (no PODTRAIL_LEADER_ELECTION_LEASE). */
export function leaderElectionFromEnv(
  env: Record<string, string | undefined> = process.env,
): LeaderElectionSettings | undefined {
  const lease = env.PODTRAIL_LEADER_ELECTION_LEASE?.trim();
  if (!lease) return undefined;
  const [first, second] = lease.split('/', 2);
  const name = second ?? first ?? lease;
  const namespace = second ? first : env.POD_NAMESPACE?.trim() || undefined;
  const identity = `${env.POD_NAME?.trim() || os.hostname()}_${process.pid}`;
  return { name, namespace, identity };
}
