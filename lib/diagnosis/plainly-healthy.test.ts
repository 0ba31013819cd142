// The fast path against the full diagnosis: whenever isPlainlyHealthy says yes, diagnosePod
// finds nothing and calls the pod healthy (no board row). Checked on every fixture and parse
// case of lib/diagnosis and on a plain pod made odd one field at a time — each change must make
// the full diagnosis speak (so the fast path must step aside), which proves every mutation
// reaches a detector. lib/views/plain-board.test.ts does the same for the scale sandbox's pods
// as the board assembles them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import healthyPod from './fixtures/healthy-running-ready.pod.json';
import { parseInputs } from './index';
import type { DiagnosisInput, EventLike, PodLike, WorkloadLike } from './types';
import {
  expectAgreement,
  expectEachMutationSeen,
  withQuietEvents,
} from './test-support/plain-mutations';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const dir = path.join(__dirname, 'fixtures');
const json = (suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown);

describe('isPlainlyHealthy', () => {
  it('agrees with diagnosePod on every fixture pod, alone and with every event and owner', () => {
    const pods = json('.pod.json') as PodLike[];
    const events = (json('.events.json') as Array<{ items: EventLike[] }>).flatMap((l) => l.items);
    const workloads = json('.replicaset.json') as WorkloadLike[];
    expect(pods.length).toBeGreaterThan(10);
    let plain = 0;
    for (const pod of pods) {
      for (const now of [NOW, NOW + 86_400_000]) {
        const siblings = pods.filter((p) => p !== pod);
        for (const input of [
          { pod, now },
          { pod, now, events },
          { pod, now, events, owners: workloads.slice(0, 1), revisions: workloads, siblings },
        ])
          if (expectAgreement(input)) plain += 1;
      }
    }
    // The healthy fixture is plain at both times, alone and with the (unrelated) events.
    expect(plain).toBeGreaterThanOrEqual(4);
  });

  it('agrees with diagnosePod on every pasted case the parser reads', () => {
    const cases = path.join(__dirname, 'parse/fixtures');
    let read = 0;
    for (const name of readdirSync(cases)) {
      const text = readFileSync(path.join(cases, name), 'utf8');
      let input: DiagnosisInput;
      try {
        input = parseInputs([{ name, text }], NOW).input;
      } catch {
        continue; // a paste the parser refuses (broken JSON) has no diagnosis to compare
      }
      read += 1;
      expectAgreement(input);
    }
    expect(read).toBeGreaterThan(15);
  });

  const make = (): DiagnosisInput => ({ pod: structuredClone(healthyPod) as PodLike, now: NOW });

  it('steps aside for a plain pod made odd one field at a time (the full diagnosis speaks)', () => {
    expectEachMutationSeen(make, NOW);
  });

  it('keeps a plain pod when the change says nothing (a readiness blip, a Normal event)', () => {
    expect(expectAgreement(withQuietEvents(make(), NOW))).toBe(true);
  });
});
