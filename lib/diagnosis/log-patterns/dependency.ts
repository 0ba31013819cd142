// A dependency (database, broker, API server, another Service) is unreachable or not ready:
// connection refused, timeouts, DNS failures, and "not ready yet" answers.
import { pattern, q, type LogPattern } from './pattern';

const CHECK_DEP =
  'Check the dependency named in the line: is its Service up with ready endpoints (kubectl get endpoints), and can this pod reach it (NetworkPolicy, DNS)? Fix the dependency rather than this pod.';
const WAIT_FOR =
  'If it is only slow to start, make the app retry with back-off (or add an init container that waits for it) instead of exiting.';

/** Patterns for unreachable or unready dependencies. */
export const DEPENDENCY_PATTERNS: LogPattern[] = [
  pattern({
    id: 'dependency-dns-failure',
    category: 'dependency-unavailable',
    weight: 78,
    re: /(?:lookup\s+(\S+?)(?:\s+on\s+\S+)?:\s+no such host|no such host|Name or service not known|Temporary failure in name resolution|could not translate host name "?([^"\s]+)"?|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)\s*(\S+)?|UnknownHostException:?\s*(\S+)?|NXDOMAIN|can't resolve '([^']+)'|bad address '([^']+)'|host not found in (?:upstream|resolver) "([^"]+)"|Could not resolve host:? (\S+)|Name does not resolve|No address associated with hostname|No such host is known|getaddrinfo failed|unknown host (\S+))/i,
    title: (s) => `Cannot resolve ${s ? q(s) : 'a dependency’s host name'} (DNS)`,
    explanation:
      'The program could not resolve the host name of something it connects to: the Service does not exist (wrong name or namespace), or cluster DNS is failing.',
    doNext: [CHECK_DEP],
  }),
  pattern({
    id: 'dependency-connection-refused',
    category: 'dependency-unavailable',
    weight: 76,
    re: /(?:dial tcp\s+(\S+?):\s+connect:\s+connection refused|Connection to\s+(\S+?)\s+refused|connect ECONNREFUSED\s*(\S+)?|connection refused|ECONNREFUSED|Connection refused)/i,
    title: (s) => `Connection refused by ${s ? q(s) : 'a dependency'}`,
    explanation:
      'Something this program needs at startup refused the connection: it is not running, not listening yet, or the address/port is wrong. This pod is the victim; the dependency is what to fix.',
    doNext: [CHECK_DEP, WAIT_FOR],
  }),
  pattern({
    id: 'dependency-connection-refused',
    category: 'dependency-unavailable',
    weight: 76,
    // netcat, curl and wget as wait loops in init containers and entrypoints use them.
    re: /nc: connect to (\S+) port \d+ \(tcp\) failed: Connection refused|curl: \(7\) Failed to connect to (\S+)|wget: can't connect to remote host(?: \((\S+)\))?/i,
    title: (s) => `Connection refused by ${s ? q(s) : 'a dependency'}`,
    explanation:
      'Something this container waits for refused the connection: it is not running, not listening yet, or the address/port is wrong. This pod is the victim; the dependency is what to fix.',
    doNext: [CHECK_DEP, WAIT_FOR],
  }),
  pattern({
    id: 'dependency-timeout',
    category: 'dependency-unavailable',
    weight: 74,
    re: /nc: connect to (\S+) port \d+ \(tcp\) timed out|curl: \(28\) (?:Connection|Operation) timed out/i,
    title: (s) => `Timed out reaching ${s ? q(s) : 'a dependency'}`,
    explanation:
      'A connection this container waits for timed out: the dependency is down or overloaded, or the network path (NetworkPolicy, CNI, Service routing) is broken.',
    doNext: [CHECK_DEP],
  }),
  pattern({
    id: 'dependency-timeout',
    category: 'dependency-unavailable',
    weight: 74,
    re: /(?:dial tcp\s+(\S+?):\s+(?:i\/o timeout|connect: (?:no route to host|network is unreachable|connection timed out))|i\/o timeout|connect(?:ion)? timed out|ETIMEDOUT|EHOSTUNREACH|No route to host|network is unreachable|SocketTimeoutException|ConnectTimeoutException|Connection timed out)/i,
    title: (s) => `Timed out reaching ${s ? q(s) : 'a dependency'}`,
    explanation:
      'A connection the program needs at startup timed out: the dependency is down or overloaded, or the network path (NetworkPolicy, CNI, Service routing) is broken.',
    doNext: [CHECK_DEP],
  }),
  pattern({
    id: 'dependency-not-ready',
    category: 'dependency-unavailable',
    weight: 72,
    re: /the database system is (?:starting up|shutting down|in recovery mode)|is not running or has not fully booted|has not fully booted yet|Connection to broker lost|broker[^\n]{0,40}(?:unavailable|not available|connection (?:lost|closed|failed))|(?:could not|cannot|can't|unable to|failed to) connect to (?:the )?(?:server|database|db|broker|redis|mongo\w*|mysql|postgres\w*|kafka|rabbitmq|nats|elasticsearch|api ?server|upstream|(\S+:\d+))|Communications link failure|ServerSelectionError|Server selection timed out|no healthy upstream|Service Unavailable|NoBrokersAvailable|all brokers are down|Connection reset by peer|ECONNRESET/i,
    title: (s) => `A dependency is not available${s ? ` (${s})` : ''}`,
    explanation:
      'A service this program depends on is down, still starting, or dropped the connection, so the program gave up and exited. Restarting this pod will not help until the dependency is healthy.',
    doNext: [CHECK_DEP, WAIT_FOR],
  }),
  pattern({
    id: 'dependency-timeout',
    category: 'dependency-unavailable',
    weight: 55,
    re: /context deadline exceeded|deadline exceeded|timed out waiting for|timeout (?:waiting for|while waiting|connecting to)/i,
    title: () => 'Timed out waiting for a dependency',
    explanation:
      'The program waited for something it needs and gave up: a dependency that is slow, down or unreachable.',
    doNext: [CHECK_DEP],
  }),
];
