import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosePod, parseInputs } from '@/lib/diagnosis';
import { buildPodReport } from './pod-report-model';
import { cell, table } from './markdown';

const now = Date.parse('2026-11-25T10:17:00Z');
const describeText = readFileSync(
  path.join(__dirname, '../../e2e/fixtures/describe-oom-no-limit.txt'),
  'utf8',
).replace(/\{\{now-(\d+)m\}\}/g, (_, m: string) =>
  new Date(now - Number(m) * 60_000).toUTCString().replace('GMT', '+0000'),
);

function diagnosis() {
  const parsed = parseInputs([{ name: 'describe.txt', text: describeText }], now);
  return diagnosePod(parsed.input);
}

describe('buildPodReport', () => {
  it('writes a summary sentence naming the pod, its state and the cause', () => {
    const report = buildPodReport(diagnosis());
    expect(report.summary).toMatch(
      /^oom-no-limit\/report-builder-6d8f7c9b5-q7x2m was CrashLoopBackOff with 9 restarts between .+ UTC and .+ UTC\. Cause: .*OOM/,
    );
  });

  it('says when each alert fired and resolved, in the summary and the timeline rows', () => {
    const alert = {
      fingerprint: '5bd6e7c1a2f09b43',
      alertname: 'KubePodCrashLooping',
      status: 'resolved' as const,
      container: 'report-builder',
      startsAt: Date.parse('2026-11-25T10:01:12Z'),
      endsAt: Date.parse('2026-11-25T10:13:40Z'),
    };
    const report = buildPodReport(diagnosis(), [alert]);
    expect(report.summary).toMatch(
      / Alert KubePodCrashLooping fired 10:01:12 UTC, resolved 10:13:40 UTC\.$/,
    );
    const texts = report.rows.map((r) => r.text);
    expect(texts).toContain('alert KubePodCrashLooping fired');
    expect(texts).toContain('alert KubePodCrashLooping resolved');
    expect(report.rows.map((r) => r.at)).toEqual(
      [...report.rows.map((r) => r.at)].sort((a, b) => a - b),
    );
    expect(report.markdown).toContain(
      '| 2026-11-25 10:13:40 UTC | report-builder | alert KubePodCrashLooping resolved |',
    );
  });

  it('exports Markdown with the timeline in absolute UTC times, the chain and the findings', () => {
    const { markdown } = buildPodReport(diagnosis());
    expect(markdown).toContain('## Timeline (UTC)');
    expect(markdown).toMatch(
      /\| 2026-11-25 10:16:00 UTC \| report-builder \| run .* OOMKilled, exit code 137/,
    );
    expect(markdown).toContain('## Root-cause chain');
    expect(markdown).toContain(
      'Set memory limits; check exit codes first (137 = OOMKilled, 1 = app error).',
    );
    expect(markdown).toContain('`oom-killed-without-limit`');
    expect(markdown).toContain('```sh\n# ');
  });

  it('keeps every table line a well-formed Markdown row', () => {
    const { markdown } = buildPodReport(diagnosis());
    const rows = markdown.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.endsWith('|')).toBe(true);
  });
});

describe('a postmortem states what happened', () => {
  it('gives no future time: no next-try row and a span that ends at the last thing that happened', () => {
    const d = diagnosis();
    const report = buildPodReport(d);
    expect(report.rows.some((r) => /next try/.test(r.text))).toBe(false);
    expect(report.rows.every((r) => r.at <= d.generatedAt)).toBe(true);
    expect(report.markdown).not.toMatch(/next try/i);
  });

  it('puts every piece of advice on its own bullet (never ".;")', () => {
    const { markdown } = buildPodReport(diagnosis());
    expect(markdown).not.toContain('.;');
    expect(markdown).toMatch(/- Do next:\n  - /);
  });
});

describe('Markdown cells', () => {
  it('escapes pipes and turns newlines into <br> so a log line cannot break the table', () => {
    expect(cell('a | b\nc')).toBe('a \\| b<br>c');
    expect(table(['x'], [['1|2']])).toBe('| x |\n| --- |\n| 1\\|2 |');
  });
});
