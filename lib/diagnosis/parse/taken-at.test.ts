import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosePod, parseInputs } from '../index';
import { dateLineTime, inferTakenAt } from './taken-at';

const describeText = readFileSync(
  path.join(__dirname, 'fixtures', 'describe-1-18-oomkilled-limits.txt'),
  'utf8',
);
const PASTED = Date.parse('2026-11-30T09:00:00Z');
const eventsOf = (text: string, options: { takenAt?: number } = {}) => {
  const parsed = parseInputs([{ name: 'pasted.txt', text }], PASTED, options);
  const d = diagnosePod(parsed.input);
  return { d, events: [...d.podEvents, ...d.containers.flatMap((c) => c.events)] };
};

describe('when pasted output was taken', () => {
  it('reads the output of date in its usual forms, and nothing else', () => {
    const at = Date.parse('2026-11-30T06:27:34Z');
    expect(dateLineTime('Mon Nov 30 06:27:34 UTC 2026')).toBe(at);
    expect(dateLineTime('Mon Nov 30 07:27:34 +01:00 2026')).toBe(at);
    expect(dateLineTime('2026-11-30T06:27:34Z')).toBe(at);
    expect(dateLineTime('2026-11-30T07:27:34+01:00')).toBe(at);
    expect(dateLineTime('Mon, 30 Nov 2026 06:27:34 +0000')).toBe(at);
    expect(dateLineTime('Start Time:   Thu, 12 Nov 2020 14:02:11 -0800')).toBeUndefined();
    expect(dateLineTime('2026-11-30T06:27:34Z INFO started')).toBeUndefined();
    expect(
      inferTakenAt([
        { name: 'a.txt', text: `$ date\nMon Nov 30 06:27:34 UTC 2026\n${describeText}` },
      ]),
    ).toEqual({ at, from: 'a.txt:2: Mon Nov 30 06:27:34 UTC 2026' });
  });

  it('counts ages back from the paste moment by default, and marks every derived time', () => {
    const { d, events } = eventsOf(describeText);
    expect(d.ageBasis).toEqual({ at: PASTED, basis: 'paste' });
    const started = events.find((e) => e.reason === 'Started');
    expect(started).toMatchObject({
      ageText: '2m2s (x5 over 45m)',
      lastAt: PASTED - 122_000,
      firstAt: PASTED - 45 * 60_000,
    });
    expect(events.filter((e) => !e.ageText && !e.timeUnknown)).toEqual([]);
  });

  it('counts back from a date line pasted with the output, which is not read as a log', () => {
    const taken = Date.parse('2026-11-30T06:27:34Z');
    const { d, events } = eventsOf(`Mon Nov 30 06:27:34 UTC 2026\n${describeText}`);
    expect(d.ageBasis).toMatchObject({ at: taken, basis: 'inferred' });
    expect(events.find((e) => e.reason === 'Started')?.lastAt).toBe(taken - 122_000);
    const parsed = parseInputs(
      [{ name: 'pasted.txt', text: `Mon Nov 30 06:27:34 UTC 2026\n${describeText}` }],
      PASTED,
    );
    expect(parsed.kinds.map((k) => k.kind)).toEqual(['describe']);
  });

  it('moves every derived time by exactly the change of the given moment', () => {
    const t1 = Date.parse('2026-11-30T06:00:00Z');
    const t2 = t1 + 90 * 60_000;
    const a = eventsOf(describeText, { takenAt: t1 }).events;
    const b = eventsOf(describeText, { takenAt: t2 }).events;
    expect(a.length).toBeGreaterThan(3);
    expect(b.map((e) => e.lastAt - (a.find((x) => x.reason === e.reason)?.lastAt ?? NaN))).toEqual(
      b.map(() => 90 * 60_000),
    );
    expect(eventsOf(describeText, { takenAt: t1 }).d.ageBasis).toEqual({ at: t1, basis: 'given' });
  });
});
