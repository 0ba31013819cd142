// Permission failures: file system permissions (non-root user on a volume), read-only file
// systems, missing capabilities, and Kubernetes RBAC refusals of the service account.
import { pattern, type LogPattern } from './pattern';

/** Patterns for permission problems. */
export const PERMISSION_PATTERNS: LogPattern[] = [
  pattern({
    id: 'rbac-forbidden',
    category: 'permission',
    weight: 86,
    re: /is forbidden: User "(system:serviceaccount:[^"]+)" cannot/,
    title: (s) =>
      `The service account is not allowed to do what the app needs${s ? ` (${s})` : ''}`,
    explanation:
      'The Kubernetes API refused a request of the pod’s service account (RBAC); the program treats that as fatal.',
    doNext: [
      'Grant the verb/resource named in the message with a Role/ClusterRole and binding for that service account.',
    ],
  }),
  pattern({
    id: 'permission-denied',
    category: 'permission',
    weight: 80,
    re: /(?:(?:mkdir|open|create|write|chown|chmod|rename|unlink|remove|stat|access|lstat)\s+([^\s:]+):\s+)?(?:permission denied|EACCES|Access is denied)/i,
    title: (s) => (s ? `Permission denied on ${s}` : 'Permission denied'),
    explanation:
      'The program runs as a user that may not write or read the path it needs, typically a volume owned by root while the container runs as non-root (or the reverse after a securityContext change).',
    doNext: [
      'Check securityContext (runAsUser, fsGroup) and the owner/mode of the volume at that path; fsGroup or an init step fixing ownership usually resolves it.',
    ],
    accept: (line) =>
      !/exec(?: user process caused)?:? "?[^":\s]+"?: permission denied/i.test(line),
  }),
  pattern({
    id: 'permission-denied',
    category: 'permission',
    weight: 82,
    // The JVM's and .NET's names for EACCES.
    re: /AccessDeniedException: (\S+)|UnauthorizedAccessException: Access to the path '([^']+)' is denied/,
    title: (s) => (s ? `Permission denied on ${s}` : 'Permission denied'),
    explanation:
      'The program runs as a user that may not write or read the path it needs, typically a volume owned by root while the container runs as non-root (or the reverse after a securityContext change).',
    doNext: [
      'Check securityContext (runAsUser, fsGroup) and the owner/mode of the volume at that path; fsGroup or an init step fixing ownership usually resolves it.',
    ],
  }),
  pattern({
    id: 'read-only-filesystem',
    category: 'permission',
    weight: 80,
    re: /(?:(?<![^\s:'"])([^\s:'"]+)['"]?:\s+)?read-only file ?system|EROFS/i,
    title: (s) => (s ? `Read-only file system at ${s}` : 'Read-only file system'),
    explanation:
      'The program tried to write where the file system is read-only (readOnlyRootFilesystem, a read-only mount, or /proc/sys in an unprivileged container).',
    doNext: [
      'Mount a writable emptyDir at that path, or for kernel settings (sysctl) use the pod securityContext.sysctls or a privileged init container.',
    ],
  }),
  pattern({
    id: 'operation-not-permitted',
    category: 'permission',
    weight: 66,
    re: /operation not permitted|EPERM\b|capability \w+ (?:is )?(?:required|missing)/i,
    title: () => 'Operation not permitted',
    explanation:
      'The kernel refused an operation the program needs (a missing Linux capability, seccomp/AppArmor, or a non-root user).',
    doNext: ['Check securityContext capabilities, runAsUser and any PodSecurity restrictions.'],
  }),
];
