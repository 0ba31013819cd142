import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminationsOf } from './index';

// A StartError run: the runtime never started the process, so the kubelet reports startedAt as
// the Unix epoch (CRI time 0); other kubelet paths write Go's zero time, 0001-01-01T00:00:00Z.
const text = readFileSync(
  path.join(__dirname, 'fixtures/start-error-never-started.pod.json'),
  'utf8',
);

describe('terminationsOf', () => {
  it('stores no start time for a run the runtime never started', () => {
    const [row] = terminationsOf(JSON.parse(text), 0);
    expect(row).toMatchObject({
      container: 'manager',
      // Waiting in back-off ("back-off 40s"), lastState is the dead instance: its own count.
      restartCount: 3,
      exitCode: 128,
      reason: 'StartError',
      finishedAt: Date.UTC(2025, 2, 4, 10, 6, 30),
      containerID: `containerd://${'b8'.repeat(32)}`,
    });
    expect(row?.startedAt).toBeUndefined();
  });

  it("treats Go's zero time as missing: no start, and the finish is when we saw it", () => {
    // lib/history's own toMs turned this into about -6.2e13 ms.
    const zero = text.replaceAll(
      /"(startedAt|finishedAt)": "[^"]+"/g,
      '"$1": "0001-01-01T00:00:00Z"',
    );
    const [row] = terminationsOf(JSON.parse(zero), 1_764_000_000_000);
    expect(row?.startedAt).toBeUndefined();
    expect(row?.finishedAt).toBe(1_764_000_000_000);
  });
});
