import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEventsTable, parsePodObjects, ParseError } from './index';

const NOW = Date.parse('2024-01-01T12:00:00Z');
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, no: i + 1 }));

describe('events tables', () => {
  it('reads `kubectl get events` with OBJECT and "(xN over M)" in LAST SEEN', () => {
    const { events } = parseEventsTable(lines(fixture('events-get-table.txt')), NOW);
    expect(events).toHaveLength(5);
    expect(events[2]).toMatchObject({
      type: 'Warning',
      reason: 'Failed',
      involvedObject: { kind: 'Pod', name: 'checkout-api-6f8d9c7b5d-4xk9p' },
    });
    expect(events[4]).toMatchObject({
      reason: 'BackOff',
      count: 41,
      lastTimestamp: new Date(NOW - 2 * 60_000).toISOString(),
      firstTimestamp: new Date(NOW - 11 * 60_000).toISOString(),
    });
  });

  it('reads the 1.10 layout with FIRST SEEN, COUNT, NAME, KIND, an empty SUBOBJECT and SOURCE', () => {
    const { events } = parseEventsTable(lines(fixture('events-get-table-1-10.txt')), NOW);
    expect(events.map((e) => e.reason)).toEqual(['Unhealthy', 'Killing', 'Scheduled']);
    expect(events[0]).toMatchObject({
      count: 7,
      involvedObject: {
        kind: 'Pod',
        name: 'ledger-sync-84c6d5f7b9-tz6wq',
        fieldPath: 'spec.containers{sync}',
      },
      source: { component: 'kubelet', host: 'worker-02' },
    });
    expect(events[2]?.involvedObject?.fieldPath).toBeUndefined();
    expect(events[2]?.source).toEqual({ component: 'default-scheduler' });
  });

  it('reads describe rows pasted without their header, with and without an Age', () => {
    const text = [
      '  Warning  Failed     2m (x4 over 3m)  kubelet, node-9  Error: secret "db-auth" not found',
      'Warning  Failed  kubelet  Error: configmap "app-settings" not found',
    ].join('\n');
    const { events } = parseEventsTable(lines(text), NOW);
    expect(events[0]).toMatchObject({
      count: 4,
      message: 'Error: secret "db-auth" not found',
      source: { host: 'node-9' },
    });
    expect(events[1]).toMatchObject({
      reason: 'Failed',
      message: 'Error: configmap "app-settings" not found',
    });
    expect(events[1]?.lastTimestamp).toBeNull();
  });

  it('reads 2015 rows with absolute dates, "{kubelet HOST}" and lower-case reasons', () => {
    const row = [
      'Mon, 06 Apr 2015 10:00:00 -0700',
      'Mon, 06 Apr 2015 10:00:30 -0700',
      '3',
      '{kubelet 10.0.0.5}',
      'spec.containers{web}',
      '',
      'failed',
      'Failed to pull image "web:2"',
    ].join('\t');
    const { events } = parseEventsTable(lines(row), NOW);
    expect(events[0]).toMatchObject({
      reason: 'Failed',
      count: 3,
      firstTimestamp: '2015-04-06T17:00:00.000Z',
      lastTimestamp: '2015-04-06T17:00:30.000Z',
      involvedObject: { fieldPath: 'spec.containers{web}' },
      source: { component: 'kubelet', host: '10.0.0.5' },
    });
  });

  it('throws a ParseError at the first bad row when no row under a header parses', () => {
    const text = [
      'Type     Reason   Age   From   Message',
      '----     ------   ----  ----   -------',
      'garbage',
    ].join('\n');
    expect(() => parseEventsTable(lines(text), NOW)).toThrow(ParseError);
    try {
      parseEventsTable(lines(text), NOW);
    } catch (error) {
      expect((error as ParseError).line).toBe(3);
    }
  });
});

describe('events as objects', () => {
  it('reads a List of Events from `kubectl get events -o yaml`', () => {
    const { events, pods } = parsePodObjects(fixture('events-list.yaml'), 'yaml');
    expect(pods).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      reason: 'BackOff',
      count: 14,
      involvedObject: { fieldPath: 'spec.containers{api}' },
    });
  });

  it('reads a List of Events from `kubectl get events -o json`', () => {
    const { events } = parsePodObjects(fixture('events-list.json'), 'json');
    expect(events[0]).toMatchObject({
      reason: 'Unhealthy',
      lastTimestamp: '2023-03-02T11:06:40Z',
      count: 3,
    });
  });
});
