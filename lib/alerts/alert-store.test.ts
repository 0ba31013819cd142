import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openSqlStore, type OpenStoreOptions, type SqlStore } from '../history';
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../history/test-support/throwaway-postgres';
import { AlertStore, parseWebhookPayload, type WebhookPayload } from './index';
import firing from './fixtures/kube-pod-crash-looping.firing.json';
import resolved from './fixtures/kube-pod-crash-looping.resolved.json';

function payload(input: unknown): WebhookPayload {
  const parsed = parseWebhookPayload(input);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.payload;
}

const FIRED = Date.parse('2026-11-30T01:12:05Z');
const RESOLVED = Date.parse('2026-11-30T01:40:00Z');
const POD = 'api-7d9f8b6c5d-x2x8q';

function describeEngine(name: string, options: () => OpenStoreOptions) {
  describe(`alert store on ${name}`, () => {
    let store: SqlStore;
    beforeAll(async () => {
      store = await openSqlStore(options());
      await migrate(store);
      await store.query('DELETE FROM alerts');
    });
    afterAll(() => store.close());

    it('keeps one row per alert instance however often Alertmanager resends it', async () => {
      const alerts = new AlertStore(store);
      for (let i = 0; i < 3; i++)
        expect(await alerts.record(payload(firing), { receivedAt: FIRED + i * 60_000 })).toEqual({
          received: 1,
          firing: 1,
          resolved: 0,
        });
      expect(await alerts.forPod('sandbox', 'oom-no-limit', POD)).toEqual([
        expect.objectContaining({
          alertname: 'KubePodCrashLooping',
          status: 'firing',
          startsAt: FIRED,
          endsAt: undefined,
          container: 'api',
          severity: 'warning',
          summary: 'Pod is crash looping.',
          fingerprint: '5bd6e7c1a2f09b43',
        }),
      ]);
    });

    it('resolves the instance, and a late firing redelivery does not undo it', async () => {
      const alerts = new AlertStore(store);
      await alerts.record(payload(resolved), { receivedAt: RESOLVED + 1000 });
      await alerts.record(payload(firing), { receivedAt: RESOLVED + 2000 });
      const marks = await alerts.forPod('sandbox', 'oom-no-limit', POD);
      expect(marks.map((m) => [m.status, m.startsAt, m.endsAt])).toEqual([
        ['resolved', FIRED, RESOLVED],
      ]);
    });

    it('finds workload alerts for the pods of that workload, and nothing in other clusters', async () => {
      const alerts = new AlertStore(store);
      const rollout = {
        ...firing,
        alerts: [
          {
            ...firing.alerts[0]!,
            fingerprint: 'aa00',
            labels: {
              alertname: 'KubeDeploymentReplicasMismatch',
              namespace: 'oom-no-limit',
              deployment: 'api',
              severity: 'warning',
            },
          },
        ],
      };
      await alerts.record(payload(rollout), { receivedAt: FIRED, defaultCluster: 'sandbox' });
      const names = (await alerts.forPod('sandbox', 'oom-no-limit', POD, ['api'])).map(
        (m) => m.alertname,
      );
      expect(names).toEqual(['KubeDeploymentReplicasMismatch', 'KubePodCrashLooping']);
      expect(await alerts.forPod('other', 'oom-no-limit', POD, ['api'])).toEqual([]);
      expect((await alerts.forWorkload('sandbox', 'oom-no-limit', 'api')).length).toBe(1);
    });
  });
}

let dataDir = '';
let postgres: ThrowawayPostgres | undefined;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'podtrail-alerts-'));
  postgres = await startThrowawayPostgres();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  postgres?.stop();
});

describeEngine('PGlite', () => ({ dataDir, databaseUrl: '' }));
describeEngine('PostgreSQL', () => ({ databaseUrl: postgres?.url }));
