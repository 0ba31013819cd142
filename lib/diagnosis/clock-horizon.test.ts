// diagnosisStableUntil against diagnosePod itself: every fixture pod and pasted case, diagnosed
// again at later times before its horizon, gives the same diagnosis (generatedAt aside); at or
// after the horizon something does change (so the horizon is not just "never").
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosePod, diagnosisStableUntil, parseInputs } from './index';
import authCrashLoop from './fixtures/auth-rev6-crashloop.pod.json';
import oldRestart from './fixtures/running-ready-old-restart.pod.json';
import type { DiagnosisInput, EventLike, PodDiagnosis, PodLike, WorkloadLike } from './types';

const NOW = Date.parse('2025-03-04T10:45:00Z');
const dir = path.join(__dirname, 'fixtures');
const json = (suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown);

const LATER = [1, 1_000, 60_000, 10 * 60_000, 59 * 60_000, 61 * 60_000, 2 * 3600_000, 86_400_000];

function timeless(d: PodDiagnosis) {
  return { ...d, generatedAt: 0 };
}

/** Diagnoses at later times: equal before the horizon. Returns whether any later one differed. */
function expectStable(input: DiagnosisInput): boolean {
  const first = diagnosePod(input);
  const until = diagnosisStableUntil(input, first);
  let changed = false;
  for (const dt of LATER) {
    const later = diagnosePod({ ...input, now: input.now + dt });
    const same = JSON.stringify(timeless(later)) === JSON.stringify(timeless(first));
    if (input.now + dt < until) expect(timeless(later)).toEqual(timeless(first));
    else if (!same) changed = true;
  }
  return changed;
}

// In back-off with its last finish lost (a partial status): the next retry counts from now.
const unknownFinish = structuredClone(authCrashLoop) as PodLike;
for (const s of unknownFinish.status?.containerStatuses ?? [])
  delete s.lastState?.terminated?.finishedAt;
function inputs(): DiagnosisInput[] {
  const pods = json('.pod.json') as PodLike[];
  const events = (json('.events.json') as Array<{ items: EventLike[] }>).flatMap((l) => l.items);
  const workloads = json('.replicaset.json') as WorkloadLike[];
  // Ten minutes after its only restart: recent now, history an hour after the restart.
  const out: DiagnosisInput[] = [
    { pod: oldRestart as PodLike, now: Date.parse('2026-11-25T07:12:11Z') },
    { pod: unknownFinish, now: NOW },
  ];
  for (const now of [NOW, Date.parse('2026-11-30T10:00:00Z')]) {
    for (const pod of pods) {
      out.push({ pod, now }, { pod, now, events, revisions: workloads, owners: workloads });
    }
  }
  const cases = path.join(__dirname, 'parse/fixtures');
  for (const name of readdirSync(cases)) {
    try {
      out.push(
        parseInputs([{ name, text: readFileSync(path.join(cases, name), 'utf8') }], NOW).input,
      );
    } catch {
      // a paste the parser refuses has no diagnosis
    }
  }
  return out;
}

describe('diagnosisStableUntil', () => {
  it('holds a diagnosis until the clock can change it, for every fixture and pasted case', () => {
    const all = inputs();
    expect(all.length).toBeGreaterThan(60);
    const changedAfter = all.filter((input) => expectStable(input));
    // The recent restart that turns into history does change the diagnosis after its horizon.
    expect(changedAfter.map((i) => i.pod)).toEqual(
      expect.arrayContaining([oldRestart, unknownFinish]),
    );
  });
});
