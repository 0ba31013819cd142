// lib/auth: who may reach Podtrail — Host names, sign-in modes, sessions, security headers.
export {
  authConfigFromEnv,
  isLoopbackBind,
  listenProblem,
  AuthConfigError,
  type AuthConfig,
  type AuthMode,
  type OidcSettings,
} from './auth-config';
export { cookieValue } from './signed-value';
export {
  startOidcSignIn,
  finishOidcSignIn,
  oidcTransactionCookie,
  oidcCallbackPath,
  type OidcSignedIn,
} from './oidc-sign-in';
export { identityFromClaims, OidcRefusedError, type OidcIdentity } from './oidc-identity';
export { isAllowedHost, hostNameOf } from './host-check';
export { securityHeaders, contentSecurityPolicy, newNonce } from './security-headers';
export {
  signSession,
  verifySession,
  secretsMatch,
  sessionCookie,
  sessionSetCookie,
  type Session,
} from './session-cookie';
export { AttemptLimiter } from './attempt-limiter';
export { enforceStartupSettings } from './startup-check';
export { peerAddress, addressMatcher, peerHeader, peerKeyHeader } from './peer-address';
export {
  authorize,
  safeNext,
  sessionOf,
  kioskTokenParam,
  type Decision,
  type RequestFacts,
} from './authorize';
