import { describe, expect, it } from 'vitest';
import { diagnoseLogText } from './index';

describe('diagnoseLogText', () => {
  it('finds the decisive line and its 1-based number, past the stack', () => {
    const d = diagnoseLogText(
      'starting\nTraceback (most recent call last):\n  File "a.py", line 3\n    x = os.environ["DB_URL"]\nKeyError: \'DB_URL\'\n',
    );
    expect(d).toMatchObject({
      category: 'missing-config',
      decisive: { id: 'missing-env-var', subject: 'DB_URL', line: 5 },
    });
  });
  it('names the module a Node, Python or JVM program cannot load from the image', () => {
    const node = diagnoseLogText(
      "node:internal/modules/cjs/loader:1080\n  throw err;\n\nError: Cannot find module '/app/server.js'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)",
    );
    expect(node).toMatchObject({
      category: 'bad-command',
      decisive: { id: 'module-not-found', subject: '/app/server.js', line: 4 },
    });
    expect(diagnoseLogText("ModuleNotFoundError: No module named 'flask'").decisive?.subject).toBe(
      'flask',
    );
    expect(
      diagnoseLogText('Error: Could not find or load main class com.acme.Main').decisive?.subject,
    ).toBe('com.acme.Main');
  });
  it('reads the missing file of an ENOENT whose path comes last', () => {
    expect(
      diagnoseLogText("Error: ENOENT: no such file or directory, open '/config/app.json'").decisive,
    ).toMatchObject({ id: 'missing-config-file', subject: '/config/app.json' });
  });
  it('finds a missing entrypoint reported by an init process', () => {
    expect(
      diagnoseLogText(
        '[FATAL tini (7)] exec /docker-entrypoint.sh failed: No such file or directory',
      ).decisive,
    ).toMatchObject({ id: 'entrypoint-missing', subject: '/docker-entrypoint.sh' });
  });
  it('prefers the panic line to the goroutine dump', () => {
    const d = diagnoseLogText(
      'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation]\ngoroutine 1 [running]:\nmain.main()',
    );
    expect(d.decisive).toMatchObject({ id: 'go-nil-pointer', line: 1 });
  });
  it('strips timestamps before matching anchored patterns', () => {
    expect(diagnoseLogText('2025-03-04T10:00:00.123Z stderr F panic: boom').decisive?.id).toBe(
      'program-panic',
    );
  });
  it('tells a refused connection, a DNS failure and a timeout apart', () => {
    expect(
      diagnoseLogText('dial tcp 10.0.0.5:5432: connect: connection refused').decisive?.id,
    ).toBe('dependency-connection-refused');
    expect(diagnoseLogText('lookup redis on 10.96.0.10:53: no such host').decisive?.subject).toBe(
      'redis',
    );
    expect(
      diagnoseLogText('Get https://api:443/version: dial tcp 10.96.0.1:443: i/o timeout').category,
    ).toBe('dependency-unavailable');
  });
  it('reads permission, read-only and exec-format failures', () => {
    expect(diagnoseLogText('open /var/lib/app/db: permission denied').category).toBe('permission');
    expect(diagnoseLogText('touch: /etc/app.conf: Read-only file system').decisive?.id).toBe(
      'read-only-filesystem',
    );
    expect(diagnoseLogText('exec /app: exec format error').category).toBe('bad-command');
    expect(diagnoseLogText('/bin/sh: 1: gunicorn: not found').decisive?.subject).toBe('gunicorn');
  });
  it('reads heap exhaustion as memory, not an app bug', () => {
    expect(
      diagnoseLogText('Exception in thread "main" java.lang.OutOfMemoryError: Java heap space')
        .category,
    ).toBe('oom-killed');
    expect(
      diagnoseLogText(
        'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      ).category,
    ).toBe('oom-killed');
  });
  it('falls back to the last generic error line and says when nothing matches', () => {
    expect(diagnoseLogText('ERROR first\nINFO ok\nERROR second').decisive).toMatchObject({
      category: 'app-error',
      line: 3,
    });
    expect(diagnoseLogText('listening on :8080\nready').category).toBe('not-enough-evidence');
  });
  it('wraps a failure in an init container when the main container waits on PodInitializing', () => {
    const d = diagnoseLogText(
      'mkdir: cannot create directory /data/x: Permission denied\nError from server (BadRequest): container "app" in pod "p" is waiting to start: PodInitializing',
    );
    expect(d.category).toBe('init-container');
    expect(d.decisive?.category).toBe('permission');
  });
  it('keeps a long error message whole in the title (no cut mid-word)', () => {
    const line =
      'Error: migration 0042_add_retry_count_to_jobs failed: column "retry_count" of relation "jobs" already exists';
    const title = diagnoseLogText(line).decisive?.title ?? '';
    expect(title).toBe(
      'The program failed: “migration 0042_add_retry_count_to_jobs failed: column "retry_count" of relation "jobs" already exists”',
    );
    const panic = `panic: ${'runtime error: index out of range [5] with length 3 '.repeat(2).trim()}`;
    expect(diagnoseLogText(panic).decisive?.title).toBe(
      `The program panicked: ${panic.slice('panic: '.length)}`,
    );
  });
  it('ends an overlong message at a whole word, within 200 characters', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const title = diagnoseLogText(`Error: ${words}`).decisive?.title ?? '';
    const quoted = /“(.*)…”$/.exec(title)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(200);
    expect(quoted.length).toBeGreaterThan(150);
    expect(words.startsWith(`${quoted} `)).toBe(true);
  });
});
