import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'lib/diagnosis/parse/fixtures');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function podtrail(args: string[], input?: string | Buffer) {
  return spawnSync(TSX, ['bin/podtrail.ts', ...args], { cwd: ROOT, encoding: 'utf8', input });
}

describe('podtrail diagnose', () => {
  it('prints the stable JSON form for a describe with an OOM kill under a limit', () => {
    const out = execFileSync(
      TSX,
      [
        'bin/podtrail.ts',
        'diagnose',
        path.join(FIXTURES, 'describe-1-18-oomkilled-limits.txt'),
        '--json',
        '--now',
        '2020-11-13T01:00:00Z',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual([
      'pod',
      'findings',
      'containers',
      'missing',
      'inputs',
      'warnings',
    ]);
    expect(report.pod).toMatchObject({
      name: 'search-indexer-7d9f8b6c5-q2w8z',
      namespace: 'search',
    });
    const top = report.findings[0];
    expect(top.category).toBe('oom-killed');
    expect(Object.keys(top)).toEqual([
      'id',
      'severity',
      'category',
      'title',
      'evidence',
      'doNext',
      'dont',
      'commands',
    ]);
    expect(top.evidence.length).toBeGreaterThan(0);
    expect(report.containers.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['wait-for-es', 'indexer']),
    );
    expect(report.inputs).toEqual([expect.objectContaining({ kind: 'describe', startLine: 1 })]);
  });

  it('reads stdin and prints the timeline and findings as text', () => {
    const result = podtrail(
      ['diagnose', '-', '--now', '2024-02-05T09:00:00Z'],
      'Last State: Terminated\n  Reason: OOMKilled\n  Exit Code: 137\n',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Timeline/);
    expect(result.stdout).toMatch(/exit 137 OOMKilled/);
    expect(result.stdout).toMatch(/Findings\n1\. \[critical\]/);
  });

  it('names the file and the line of unparseable input and exits 2', () => {
    const file = path.join(FIXTURES, 'pod-broken-json.txt');
    const result = podtrail(['diagnose', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot parse ${file} at line 10`);
  });

  it('exits 2 with a message when a file does not exist', () => {
    const result = podtrail(['diagnose', 'no-such-file.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot read no-such-file\.txt/);
  });

  it('refuses binary bytes on stdin with exit 2 and says what it expected, also with --json', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);
    const text = podtrail(['diagnose', '-'], png);
    expect(text.status).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^podtrail: stdin: This is a PNG image, not text\. Expected text/);
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 151 + 17) % 256));
    const json = podtrail(['diagnose', '-', '--json'], random);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).error).toMatch(/^stdin: This is binary data, not text/);
  });

  it('refuses random text and JSON of the wrong shape with exit 2', () => {
    const prose = podtrail(['diagnose', '-'], 'the quick brown fox jumps over the lazy dog\n');
    expect(prose.status).toBe(2);
    expect(prose.stderr).toMatch(/Nothing in it reads as kubectl output or a log/);
    const shape = podtrail(['diagnose', '-', '--json'], '{"status": {"phase": 42}}');
    expect(shape.status).toBe(2);
    expect(JSON.parse(shape.stdout).error).toMatch(/status\.phase: expected string/);
  });

  it('refuses a YAML alias bomb with exit 2 instead of a stack trace', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
    ])
      levels.push(`${name}: &${name} [${Array(8).fill(`*${prev}`).join(',')}]`);
    const yaml = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n  labels:\n${levels.map((l) => `    ${l}`).join('\n')}\n`;
    const result = podtrail(['diagnose', '-', '--json'], yaml);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).error).toMatch(/alias bomb/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
