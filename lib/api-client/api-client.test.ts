import { describe, expect, it } from 'vitest';
import { ApiError, podtrailKeys, retryUnlessClientError, streamUrl } from './index';

describe('retryUnlessClientError', () => {
  it('never retries 400, 401, 403 or 404, and retries other failures up to three times', () => {
    for (const status of [400, 401, 403, 404]) {
      expect(retryUnlessClientError(0, new ApiError(status, 'no'))).toBe(false);
    }
    expect(retryUnlessClientError(0, new ApiError(502, 'bad gateway'))).toBe(true);
    expect(retryUnlessClientError(2, new TypeError('network'))).toBe(true);
    expect(retryUnlessClientError(3, new TypeError('network'))).toBe(false);
  });
});

describe('podtrailKeys', () => {
  it('nests every key under podtrail so one invalidation reaches them all', () => {
    expect(podtrailKeys.board({ namespace: 'shop' })).toEqual([
      'podtrail',
      'board',
      { cluster: undefined, namespace: 'shop', severity: undefined },
    ]);
    expect(podtrailKeys.pod({ cluster: 'c', namespace: 'n', name: 'p' })).toEqual([
      'podtrail',
      'pod',
      'c',
      'n',
      'p',
    ]);
  });
});

describe('streamUrl', () => {
  it('leaves out empty filters and names the pod scope', () => {
    expect(streamUrl({ type: 'board', filters: { namespace: 'shop' } })).toBe(
      '/api/stream?scope=board&namespace=shop',
    );
    expect(streamUrl({ type: 'pod', ref: { cluster: 'c', namespace: 'n', name: 'p' } })).toBe(
      '/api/stream?scope=pod&cluster=c&namespace=n&pod=p',
    );
  });
});
