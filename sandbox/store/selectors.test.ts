import { describe, expect, it } from 'vitest';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors';
import type { KObject } from './types';

const pod = (labels: Record<string, string>, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'p',
    namespace: 'ns',
    uid: 'u',
    resourceVersion: '1',
    creationTimestamp: '',
    labels,
  },
  ...extra,
});

describe('label selectors', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app in (api,web)', true],
    ['app notin (web)', false],
    ['tier', false],
    ['!tier', true],
    ['app=web,env=prod', true],
    ['app=web,env=dev', false],
  ])('%s matches app=web,env=prod: %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(pod({ app: 'web', env: 'prod' }))).toBe(expected);
  });

  it('rejects what it cannot parse', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(SelectorError);
  });
});

describe('field selectors', () => {
  const p = pod({}, { spec: { nodeName: 'n1' }, status: { phase: 'Running' } });

  it('matches the pod fields the API server indexes', () => {
    expect(parseFieldSelector('pods', 'spec.nodeName=n1,status.phase=Running')(p)).toBe(true);
    expect(parseFieldSelector('pods', 'status.phase!=Running')(p)).toBe(false);
    expect(parseFieldSelector('pods', 'metadata.namespace=ns,metadata.name=p')(p)).toBe(true);
  });

  it('matches events by involvedObject and source', () => {
    const e = {
      ...pod({}),
      kind: 'Event',
      involvedObject: { kind: 'Pod', name: 'p', uid: 'u' },
      source: { component: 'kubelet' },
    } as KObject;
    expect(
      parseFieldSelector(
        'events',
        'involvedObject.kind=Pod,involvedObject.uid=u,source=kubelet',
      )(e),
    ).toBe(true);
    expect(parseFieldSelector('events', 'involvedObject.name=q')(e)).toBe(false);
  });

  it('answers an unknown field like the API server', () => {
    expect(() => parseFieldSelector('pods', 'spec.image=x')).toThrow(
      'field label not supported: spec.image',
    );
  });
});
