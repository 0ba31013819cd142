import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError, parseInputs, parsePodObjects, UNKNOWN_CONTAINER } from './index';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('parsePodObjects', () => {
  it('reads a Pod from `kubectl get pod -o json` as it is', () => {
    const { pods } = parsePodObjects(fixture('pod-crashloop.json'), 'json');
    expect(pods).toHaveLength(1);
    expect(pods[0]?.metadata.name).toBe('notifier-7b9c5d6f8-2kqzt');
    expect(pods[0]?.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(1);
  });

  it('reads every Pod of a List from `kubectl get pods -o yaml`', () => {
    const { pods } = parsePodObjects(fixture('pod-list.yaml'), 'yaml');
    expect(pods.map((p) => p.metadata.name)).toEqual(['cache-0', 'cache-1']);
  });

  it('reads a pasted "containerStatuses" JSON fragment', () => {
    const text =
      '"containerStatuses": [{"name": "api", "restartCount": 4, "lastState": {"terminated": {"exitCode": 139, "reason": "Error"}}}],';
    const { pods } = parsePodObjects(text, 'json');
    expect(pods[0]?.status?.containerStatuses?.[0]).toMatchObject({ name: 'api', restartCount: 4 });
  });

  it('reads an indented lastState YAML excerpt as a container of unknown name', () => {
    const text = [
      '    lastState:',
      '      terminated:',
      '        exitCode: 137',
      '        reason: OOMKilled',
    ].join('\n');
    const { pods } = parsePodObjects(text, 'yaml');
    expect(pods[0]?.status?.containerStatuses?.[0]).toMatchObject({
      name: UNKNOWN_CONTAINER,
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
    });
  });

  it('reads the complete part of a JSON paste cut short and says so', () => {
    const text = fixture('pod-crashloop.json').split('\n').slice(0, 46).join('\n');
    const { pods, warnings } = parsePodObjects(text, 'json');
    expect(pods[0]?.status?.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({
      exitCode: 1,
    });
    expect(warnings).toContain('the JSON was cut short; read the complete part');
  });

  it('throws a ParseError with the line of broken JSON', () => {
    expect(() => parsePodObjects(fixture('pod-broken-json.txt'), 'json')).toThrow(ParseError);
    try {
      parsePodObjects(fixture('pod-broken-json.txt'), 'json');
    } catch (error) {
      expect((error as ParseError).line).toBe(10);
    }
  });

  it('throws a ParseError with the line of broken YAML', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: x',
      '  labels: {app: [',
      'status: {}',
    ].join('\n');
    try {
      parsePodObjects(text, 'yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).line).toBeGreaterThanOrEqual(5);
    }
  });

  it('names the file and its line when a later paste in the file is broken', () => {
    const text = `some log line\n\n${fixture('pod-broken-json.txt')}`;
    try {
      parseInputs([{ name: 'paste.txt', text }], NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).file).toBe('paste.txt');
      expect((error as ParseError).line).toBe(12);
      expect((error as ParseError).message).toMatch(/^paste\.txt:12: broken JSON/);
    }
  });

  it('diagnoses the worst pod of a List and says which others it left out', () => {
    const { input, warnings } = parseInputs(
      [{ name: 'pods.yaml', text: fixture('pod-list.yaml') }],
      NOW,
    );
    expect(input.pod.metadata.name).toBe('cache-1');
    expect(warnings.join('\n')).toMatch(/other pods too \(cache-0\)/);
  });
});
