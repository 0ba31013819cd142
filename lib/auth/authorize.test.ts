import { describe, expect, it } from 'vitest';
import { AttemptLimiter, authConfigFromEnv, authorize, listenProblem, signSession } from './index';

const now = Date.UTC(2026, 10, 30, 4, 0, 0);
const token = 'correct-horse-battery-staple';

function facts(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return {
    method,
    url: new URL(`http://127.0.0.1:3000${path}`),
    headers: new Headers({ host: '127.0.0.1:3000', ...headers }),
  };
}

describe('authConfigFromEnv', () => {
  it('names the missing setting of a half-configured mode', () => {
    expect(() => authConfigFromEnv({ PODTRAIL_AUTH: 'token' })).toThrow(
      'PODTRAIL_AUTH=token needs PODTRAIL_AUTH_TOKEN',
    );
    expect(() => authConfigFromEnv({ PODTRAIL_AUTH: 'proxy' })).toThrow(
      /PODTRAIL_AUTH_PROXY_ADDRESSES/,
    );
    expect(() =>
      authConfigFromEnv({ PODTRAIL_AUTH: 'token', PODTRAIL_AUTH_TOKEN: 'short' }),
    ).toThrow(/PODTRAIL_AUTH_TOKEN must be at least 16 characters/);
    expect(() => authConfigFromEnv({ PODTRAIL_AUTH: 'magic' })).toThrow(/PODTRAIL_AUTH/);
  });

  it('refuses a non-loopback listen address without a sign-in mode, naming PODTRAIL_AUTH', () => {
    const none = authConfigFromEnv({});
    expect(listenProblem('0.0.0.0', none)).toMatch(
      /refusing to listen on 0\.0\.0\.0.*PODTRAIL_AUTH/,
    );
    expect(listenProblem('127.0.0.1', none)).toBeUndefined();
    expect(listenProblem('::1', none)).toBeUndefined();
    const withToken = authConfigFromEnv({ PODTRAIL_AUTH: 'token', PODTRAIL_AUTH_TOKEN: token });
    expect(listenProblem('0.0.0.0', withToken)).toBeUndefined();
  });
});

describe('authorize', () => {
  const none = authConfigFromEnv({});
  const tokenMode = authConfigFromEnv({ PODTRAIL_AUTH: 'token', PODTRAIL_AUTH_TOKEN: token });

  it('answers 421 to a Host it does not serve (DNS rebinding), also on loopback', () => {
    const d = authorize(facts('/', { host: 'evil.example' }), none, now);
    expect(d).toMatchObject({ kind: 'deny', status: 421 });
    expect(authorize(facts('/', { host: 'localhost:3000' }), none, now).kind).toBe('allow');
    expect(authorize(facts('/', { host: '[::1]:3000' }), none, now).kind).toBe('allow');
  });

  it('serves the configured public name when deployed', () => {
    const deployed = authConfigFromEnv({
      PODTRAIL_AUTH: 'token',
      PODTRAIL_AUTH_TOKEN: token,
      PODTRAIL_PUBLIC_URL: 'https://podtrail.example.com',
    });
    const host = { host: 'podtrail.example.com' };
    expect(authorize(facts('/api/board', host), deployed, now)).toMatchObject({ status: 401 });
    expect(
      authorize(facts('/api/board', { host: 'other.example.com' }), deployed, now),
    ).toMatchObject({
      status: 421,
    });
  });

  it('sends a page to sign-in with its URL kept, and answers API calls 401', () => {
    const page = authorize(facts('/c/sandbox/ns/oom/pods/p?container=app'), tokenMode, now);
    expect(page).toEqual({
      kind: 'redirect',
      location: `/sign-in?next=${encodeURIComponent('/c/sandbox/ns/oom/pods/p?container=app')}`,
    });
    for (const path of ['/api/board', '/api/stream?scope=board', '/api/clusters'])
      expect(authorize(facts(path), tokenMode, now)).toMatchObject({ kind: 'deny', status: 401 });
    expect(authorize(facts('/sign-in'), tokenMode, now).kind).toBe('allow');
  });

  it('lets an Alertmanager delivery through to its receiver-token check only when one is set', () => {
    const delivery = facts('/api/alerts', { authorization: 'Bearer x' }, 'POST');
    expect(authorize(delivery, tokenMode, now)).toMatchObject({ kind: 'deny', status: 401 });
    const withReceiver = authConfigFromEnv({
      PODTRAIL_AUTH: 'token',
      PODTRAIL_AUTH_TOKEN: token,
      PODTRAIL_ALERTS_TOKEN: 'receiver-token-1',
    });
    expect(authorize(delivery, withReceiver, now)).toMatchObject({
      kind: 'allow',
      user: 'alertmanager',
      scope: 'anonymous',
    });
    // Only the delivery: reading other routes still needs a session, and the Host is still checked.
    expect(authorize(facts('/api/board'), withReceiver, now)).toMatchObject({ status: 401 });
    expect(
      authorize(facts('/api/alerts', { host: 'evil.example' }, 'POST'), withReceiver, now),
    ).toMatchObject({ status: 421 });
  });

  it('lets a signed session in until it expires, and not a forged one', () => {
    const good = signSession(
      { user: 'token', groups: [], scope: 'full', expiresAt: now + 1000 },
      tokenMode.sessionSecret,
    );
    const cookie = (v: string) => ({ cookie: `podtrail_session=${v}` });
    expect(authorize(facts('/api/board', cookie(good)), tokenMode, now).kind).toBe('allow');
    expect(authorize(facts('/api/board', cookie(good)), tokenMode, now + 2000).kind).toBe('deny');
    const forged = signSession(
      { user: 'token', groups: [], scope: 'full', expiresAt: now + 1000 },
      'another-secret-of-16+chars',
    );
    expect(authorize(facts('/api/board', cookie(forged)), tokenMode, now).kind).toBe('deny');
  });

  it('trusts identity headers only from the configured proxy address', () => {
    const proxy = authConfigFromEnv({
      PODTRAIL_AUTH: 'proxy',
      PODTRAIL_AUTH_PROXY_ADDRESSES: '10.0.0.0/24',
    });
    const key = process.env.PODTRAIL_PEER_KEY;
    process.env.PODTRAIL_PEER_KEY = 'k';
    try {
      const via = (peer: string, stampKey = 'k') => ({
        'x-forwarded-user': 'ana',
        'x-forwarded-groups': 'sre, oncall',
        'x-podtrail-peer': peer,
        'x-podtrail-peer-key': stampKey,
      });
      expect(authorize(facts('/api/board', via('10.0.0.7')), proxy, now)).toEqual({
        kind: 'allow',
        user: 'ana',
        groups: ['sre', 'oncall'],
        scope: 'full',
      });
      expect(authorize(facts('/api/board', via('192.168.1.9')), proxy, now)).toMatchObject({
        status: 401,
      });
      // A client forging the peer stamp does not know the process key.
      expect(authorize(facts('/api/board', via('10.0.0.7', 'guess')), proxy, now)).toMatchObject({
        status: 401,
      });
      expect(authorize(facts('/'), proxy, now)).toMatchObject({ status: 401 });
    } finally {
      process.env.PODTRAIL_PEER_KEY = key;
    }
  });

  it('turns a kiosk link into a read-only board session and drops the token from the URL', () => {
    const kioskToken = 'wall-screen-link-token-0123';
    const config = authConfigFromEnv({
      PODTRAIL_AUTH: 'token',
      PODTRAIL_AUTH_TOKEN: token,
      PODTRAIL_KIOSK_TOKEN: kioskToken,
    });
    const link = authorize(facts(`/?kiosk=1&kiosk-token=${kioskToken}`), config, now);
    expect(link).toMatchObject({ kind: 'redirect', location: '/?kiosk=1' });
    const value = (link as { setCookie: string }).setCookie
      .split(';')[0]!
      .split('=')
      .slice(1)
      .join('=');
    const cookie = { cookie: `podtrail_session=${value}` };
    expect(authorize(facts('/?kiosk=1', cookie), config, now).kind).toBe('allow');
    expect(authorize(facts('/api/stream?scope=board', cookie), config, now).kind).toBe('allow');
    expect(
      authorize(facts('/api/stream?scope=pod&cluster=c&namespace=n&pod=p', cookie), config, now),
    ).toMatchObject({ status: 403 });
    expect(authorize(facts('/c/sandbox/ns/oom/pods/p', cookie), config, now)).toMatchObject({
      status: 403,
    });
    expect(
      authorize(facts('/?kiosk=1&kiosk-token=wrong-token-wrong-token'), config, now),
    ).toMatchObject({ status: 401 });
  });
});

describe('AttemptLimiter', () => {
  it('refuses a client after the limit until its oldest failure is a minute old', () => {
    let t = 0;
    const limiter = new AttemptLimiter(3, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('a')).toBe(0);
      limiter.fail('a');
      t += 1000;
    }
    expect(limiter.retryAfterMs('a')).toBe(57_000);
    expect(limiter.retryAfterMs('b')).toBe(0);
    t = 60_001;
    expect(limiter.retryAfterMs('a')).toBe(0);
  });
});
