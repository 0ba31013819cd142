import { describe, expect, it } from 'vitest';
import { diagnosePod } from '../index';
import { EXPECTED_INPUT, MAX_LINE_CHARS, parseInputs, RefusedInputError } from './index';

const NOW = Date.parse('2024-03-01T12:00:00Z');

function refusal(text: string, name = 'input.txt'): RefusedInputError {
  try {
    parseInputs([{ name, text }], NOW);
  } catch (error) {
    if (error instanceof RefusedInputError) return error;
    throw error;
  }
  throw new Error('the input was not refused');
}

// What binary files read like once decoded as UTF-8 (invalid bytes become U+FFFD).
const decode = (bytes: number[]) => new TextDecoder().decode(new Uint8Array(bytes));

const ALIAS_BOMB = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: bomb',
  '  labels:',
  '    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  '    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  '    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  '    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  '    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  '    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
].join('\n');

describe('input guard', () => {
  it('refuses a PNG image by its signature and says what it expected', () => {
    const png = decode([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const error = refusal(png, 'screenshot.png');
    expect(error.message).toBe(`screenshot.png: This is a PNG image, not text. ${EXPECTED_INPUT}`);
  });

  it('refuses random bytes as binary data, counting the lines that are not text', () => {
    let seed = 7;
    const bytes = Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 256));
    const error = refusal(decode(bytes));
    expect(error.reason).toMatch(/^This is binary data, not text \(\d+ of \d+ lines/);
  });

  it('refuses prose and random characters that hold nothing of kubectl or a log', () => {
    const prose =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
    expect(refusal(prose).reason).toMatch(/^Nothing in it reads as kubectl output or a log/);
    const noise = 'qZ8vLk0PmW3xR7tYb2NcH5sJd9FgA1eU4oIiKrTzXwVyQaBnMlOpCuDhEfGjS6'.repeat(40);
    expect(refusal(noise).reason).toMatch(/^Nothing in it reads/);
  });

  it('refuses JSON of another shape instead of reading a pod with phase 42', () => {
    expect(refusal('{"status": {"phase": 42}}').reason).toBe(
      'The JSON is not a Pod as kubectl prints it (status.phase: expected string, received number).',
    );
    const containers = '{"kind":"Pod","metadata":{"name":"x"},"spec":{"containers":"web"}}';
    expect(refusal(containers).reason).toMatch(/^The JSON is not a Pod .*spec\.containers/);
    expect(refusal('{"foo": [1, 2, 3]}').reason).toBe(
      'This is JSON, but not a Pod, a list of Pods, Events or a JSON log.',
    );
    expect(refusal('[1, 2, 3]').reason).toMatch(/^This is JSON, but not a Pod/);
  });

  it('refuses a YAML alias bomb before expanding it', () => {
    expect(refusal(ALIAS_BOMB, 'pod.yaml').reason).toMatch(
      /^The YAML expands its aliases more than 50 times/,
    );
  });

  it('keeps diagnosing a log whose binary lines are skipped, naming those lines', () => {
    const garbage = decode([0xff, 0xfe, 0x00, 0x01, 0x02, 0x9c, 0x88, 0x10, 0x11, 0x12]);
    const log = [
      '2024-03-01T11:58:00Z INFO starting worker',
      garbage,
      '2024-03-01T11:58:01Z FATAL required environment variable DATABASE_URL is not set',
      garbage,
    ].join('\n');
    const parsed = parseInputs([{ name: 'previous.log', text: log }], NOW);
    expect(parsed.warnings).toContain(
      'previous.log: skipped lines 2 and 4: binary bytes, not text',
    );
    const top = diagnosePod(parsed.input).findings[0];
    expect(top).toMatchObject({ category: 'missing-config', id: 'missing-env-var' });
  });

  it('skips an unreadable file among readable ones and diagnoses the rest', () => {
    const png = decode([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const parsed = parseInputs(
      [
        { name: 'shot.png', text: png },
        {
          name: 'previous.log',
          text: 'panic: runtime error: index out of range [3] with length 3',
        },
      ],
      NOW,
    );
    expect(parsed.warnings[0]).toBe('skipped shot.png: This is a PNG image, not text.');
    expect(diagnosePod(parsed.input).findings[0]?.category).toBe('segfault-abort');
  });

  it('reads only the head of a 4 MiB line and says so', () => {
    const long = `2024-03-01T11:58:00Z ERROR payload ${'x'.repeat(4 * 1024 * 1024)}`;
    const text = `${long}\nOOMKilled\n`;
    const parsed = parseInputs([{ name: 'app.log', text }], NOW);
    expect(parsed.warnings).toContain(
      `app.log: line 1: ${long.length.toLocaleString('en-US')} characters long; read the first ${MAX_LINE_CHARS.toLocaleString('en-US')}`,
    );
    expect(diagnosePod(parsed.input).findings[0]?.category).toBe('oom-killed');
  });

  it('keeps a Pod JSON printed on one long line whole', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', annotations: { blob: 'z'.repeat(MAX_LINE_CHARS * 2) } },
      spec: { containers: [{ name: 'web', image: 'web:1' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'web',
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          },
        ],
      },
    };
    const parsed = parseInputs([{ name: 'pod.json', text: JSON.stringify(pod) }], NOW);
    expect(parsed.warnings.some((w) => /characters long/.test(w))).toBe(false);
    expect(diagnosePod(parsed.input).findings[0]?.category).toBe('oom-killed');
  });
});
