import { describe, expect, it } from 'vitest';
import {
  authConfigFromEnv,
  identityFromClaims,
  OidcRefusedError,
  type OidcSettings,
} from './index';

function settings(env: Record<string, string> = {}): OidcSettings {
  const config = authConfigFromEnv({
    PODTRAIL_AUTH: 'oidc',
    PODTRAIL_OIDC_ISSUER: 'https://idp.example.com',
    PODTRAIL_OIDC_CLIENT_ID: 'podtrail',
    PODTRAIL_PUBLIC_URL: 'https://podtrail.example.com',
    PODTRAIL_SESSION_SECRET: 'a-session-secret-of-32-characters!',
    ...env,
  });
  return config.oidc!;
}

const jane = {
  sub: '1234567890',
  email: 'jane.doe@example.com',
  email_verified: true,
  preferred_username: 'jane.doe',
  groups: ['engineering', 'design'],
};

function refusal(fn: () => unknown): OidcRefusedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof OidcRefusedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('identityFromClaims', () => {
  it('names the user by email and takes the groups claim, as kube-apiserver would', () => {
    expect(identityFromClaims(jane, settings())).toEqual({
      user: 'jane.doe@example.com',
      groups: ['engineering', 'design'],
    });
  });

  it('uses the configured claims', () => {
    const s = settings({ PODTRAIL_OIDC_USER_CLAIM: 'sub', PODTRAIL_OIDC_GROUPS_CLAIM: 'roles' });
    expect(identityFromClaims({ ...jane, roles: 'oncall' }, s)).toEqual({
      user: '1234567890',
      groups: ['oncall'],
    });
  });

  it('refuses a token without the user claim, or with an unverified email as the name', () => {
    expect(refusal(() => identityFromClaims({ sub: 'x' }, settings())).message).toContain(
      'PODTRAIL_OIDC_USER_CLAIM',
    );
    const unverified = refusal(() =>
      identityFromClaims({ ...jane, email_verified: false }, settings()),
    );
    expect(unverified.message).toBe(
      'the email jane.doe@example.com is not verified at the provider',
    );
  });

  it('admits members of an allowed group or allowed emails and domains only', () => {
    const groups = settings({ PODTRAIL_OIDC_ALLOWED_GROUPS: 'sre, engineering' });
    expect(identityFromClaims(jane, groups).user).toBe('jane.doe@example.com');
    const outsider = { ...jane, email: 'mallory@example.org', groups: ['contractors'] };
    expect(refusal(() => identityFromClaims(outsider, groups)).code).toBe('not-allowed');

    const emails = settings({ PODTRAIL_OIDC_ALLOWED_EMAILS: 'Mallory@Example.org,@example.com' });
    expect(identityFromClaims(outsider, emails).user).toBe('mallory@example.org');
    expect(identityFromClaims(jane, emails).user).toBe('jane.doe@example.com');
    const elsewhere = { ...jane, email: 'eve@example.net' };
    expect(refusal(() => identityFromClaims(elsewhere, emails)).code).toBe('not-allowed');
    // A look-alike domain does not pass the "@example.com" entry.
    const lookalike = { ...jane, email: 'eve@badexample.com' };
    expect(refusal(() => identityFromClaims(lookalike, emails)).code).toBe('not-allowed');
  });
});

describe('authConfigFromEnv for OIDC and impersonation', () => {
  it('names what OIDC mode misses', () => {
    expect(() => authConfigFromEnv({ PODTRAIL_AUTH: 'oidc' })).toThrow(
      'PODTRAIL_AUTH=oidc needs PODTRAIL_OIDC_ISSUER',
    );
    expect(() =>
      authConfigFromEnv({
        PODTRAIL_AUTH: 'oidc',
        PODTRAIL_OIDC_ISSUER: 'https://idp.example.com',
        PODTRAIL_OIDC_CLIENT_ID: 'podtrail',
        PODTRAIL_SESSION_SECRET: 'a-session-secret-of-32-characters!',
      }),
    ).toThrow('PODTRAIL_AUTH=oidc needs PODTRAIL_PUBLIC_URL');
  });

  it('allows impersonation only with a sign-in that names user and groups', () => {
    expect(() =>
      authConfigFromEnv({
        PODTRAIL_AUTH: 'token',
        PODTRAIL_AUTH_TOKEN: 'correct-horse-battery-staple',
        PODTRAIL_IMPERSONATE: '1',
      }),
    ).toThrow('PODTRAIL_IMPERSONATE=1 needs PODTRAIL_AUTH=oidc or proxy');
    const proxy = authConfigFromEnv({
      PODTRAIL_AUTH: 'proxy',
      PODTRAIL_AUTH_PROXY_ADDRESSES: '10.0.0.1',
      PODTRAIL_IMPERSONATE: '1',
    });
    expect(proxy.impersonate).toBe(true);
    expect(settings().allowedGroups).toEqual([]);
  });
});
