// A dependency answered and refused the credential: a wrong or rotated password, user or key in
// the pod's Secret/config. Not the same as an unreachable dependency (dependency.ts): the
// network and the dependency are fine, the value we send is wrong, and restarting cannot help.
// Wordings from each server's and client's documentation: PostgreSQL ("password authentication
// failed for user"), MySQL/MariaDB (ER_ACCESS_DENIED_ERROR 1045 "Access denied for user"),
// SQL Server (error 18456 "Login failed for user"), MongoDB ("Authentication failed", code 18),
// Redis ("NOAUTH", "WRONGPASS"), RabbitMQ/AMQP ("ACCESS_REFUSED"), Kafka
// (SaslAuthenticationException), LDAP (error 49 "Invalid credentials"), HTTP APIs (401).
import { pattern, q, type LogPattern } from './pattern';

const FIX_CREDENTIAL =
  'Compare the user and password (or key) the pod sends — the Secret behind its env or mounted file — with what the dependency expects now (was one side rotated or re-created?). Fix the Secret, then restart the pod; the network and the dependency are fine.';

const EXPLAIN =
  'The dependency is reachable and answered, but rejected the credential this pod sent: the password, user or key in its Secret/config is wrong, rotated on one side only, or empty. This is a configuration problem, not an outage: restarting or scaling the dependency will not help.';

// A registry refusing a pull is image-pull's business (kube.ts), not the app's credential.
const NOT_A_PULL = (line: string) => !/pull(?:ing)? image|manifest|registry|ImagePull/i.test(line);

/** Patterns for credentials the dependency rejects. */
export const CREDENTIAL_PATTERNS: LogPattern[] = [
  pattern({
    id: 'credential-rejected',
    category: 'missing-config',
    weight: 88,
    re: /password authentication failed for user "?([\w.@-]+)|Access denied for user '([^']+)'|Login failed for user '([^']*)'|(?:SaslAuthentication|AuthenticationFailed|Authentication)Exception|ACCESS_REFUSED - Login was refused|\bNOAUTH\b|\bWRONGPASS\b|invalid username-password pair|bad auth\b|Authentication failed(?: for user "?([\w.@-]+))?|(?:invalid|bad|wrong) (?:credentials|username or password|password|api key|access key|token)\b|LDAP: error code 49|SignatureDoesNotMatch|InvalidAccessKeyId|The security token included in the request is invalid|could not read (?:Username|Password) for '([^']+)'|terminal prompts disabled|Authentication failed for '([^']+)'/i,
    title: (s) => `The dependency rejects the credential${s ? ` of ${q(s)}` : ''}`,
    explanation: EXPLAIN,
    doNext: [FIX_CREDENTIAL],
    accept: NOT_A_PULL,
  }),
  pattern({
    id: 'credential-rejected',
    category: 'missing-config',
    weight: 74,
    re: /\b401 Unauthorized\b|status(?: code)?:? 401\b|\bHTTP 401\b|\bunauthorized\b.*\b(?:token|api key|credentials)\b/i,
    title: () => 'An API rejects the credential (401 Unauthorized)',
    explanation: EXPLAIN,
    doNext: [FIX_CREDENTIAL],
    accept: NOT_A_PULL,
  }),
];
