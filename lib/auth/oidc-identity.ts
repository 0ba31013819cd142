// Who an OpenID Connect ID token names, and whether this Podtrail admits them: the user claim
// (email by default, as kube-apiserver's --oidc-username-claim, so impersonation names the same
// user the API server's own OIDC sign-in would), the groups claim, and the optional allow lists.
import type { OidcSettings } from './auth-config';

/** The provider signed someone in whom this Podtrail does not admit, or named no one. */
export class OidcRefusedError extends Error {
  constructor(
    message: string,
    /** The sign-in page's error code: `not-allowed` (allow lists) or `oidc`. */
    readonly code: 'not-allowed' | 'oidc',
  ) {
    super(message);
    this.name = 'OidcRefusedError';
  }
}

/** A signed-in person. */
export interface OidcIdentity {
  user: string;
  groups: string[];
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function emailAllowed(email: string, allowed: string[]): boolean {
  const lower = email.toLowerCase();
  return allowed.some((entry) => (entry.startsWith('@') ? lower.endsWith(entry) : lower === entry));
}

/** The identity in verified ID token claims; throws OidcRefusedError when it may not sign in. */
export function identityFromClaims(
  claims: Record<string, unknown>,
  settings: OidcSettings,
): OidcIdentity {
  const user = claims[settings.userClaim];
  if (typeof user !== 'string' || user === '')
    throw new OidcRefusedError(
      `the ID token has no "${settings.userClaim}" claim (PODTRAIL_OIDC_USER_CLAIM)`,
      'oidc',
    );
  // An unverified email must not name anyone: the provider may let people type any address.
  const emailVerified = claims.email_verified !== false;
  if (settings.userClaim === 'email' && !emailVerified)
    throw new OidcRefusedError(`the email ${user} is not verified at the provider`, 'oidc');
  const groups = stringsOf(claims[settings.groupsClaim]);
  const email = typeof claims.email === 'string' && emailVerified ? claims.email : undefined;
  const { allowedGroups, allowedEmails } = settings;
  if (allowedGroups.length === 0 && allowedEmails.length === 0) return { user, groups };
  const byGroup = groups.some((g) => allowedGroups.includes(g));
  const byEmail = email !== undefined && emailAllowed(email, allowedEmails);
  if (byGroup || byEmail) return { user, groups };
  throw new OidcRefusedError(
    `${user} is not in PODTRAIL_OIDC_ALLOWED_GROUPS or PODTRAIL_OIDC_ALLOWED_EMAILS`,
    'not-allowed',
  );
}
