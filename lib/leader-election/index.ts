// lib/leader-election: one history recorder per cluster when several replicas run, elected on a
// coordination.k8s.io/v1 Lease. Server-only.
import 'server-only';

export {
  LeaderElector,
  microTime,
  type LeaderElectorOptions,
  type LeaderState,
} from './leader-elector';
export { leaderElectionFromEnv, type LeaderElectionSettings } from './settings';
