// Kubernetes' own failure texts as they appear in events, waiting messages and pasted kubectl
// output: image pulls, missing ConfigMaps/Secrets, probe failures, init containers that block.
import { pattern, q, type LogPattern } from './pattern';

/** Patterns for kubelet/kubectl texts. */
export const KUBE_PATTERNS: LogPattern[] = [
  pattern({
    id: 'create-config-missing-object',
    category: 'create-config-error',
    weight: 96,
    re: /(?:configmap|secret)s? "([^"]+)" not found/i,
    title: (s) => `The pod references ${q(s)}, which does not exist`,
    explanation:
      'The kubelet cannot build the container’s environment or volumes because a ConfigMap or Secret the pod spec references (without optional: true) does not exist in the namespace (CreateContainerConfigError).',
    doNext: [
      'Create the object (or fix its name/namespace in the pod template); the kubelet retries by itself.',
    ],
  }),
  pattern({
    id: 'create-config-missing-key',
    category: 'create-config-error',
    weight: 96,
    re: /couldn't find key (\S+) in (?:ConfigMap|Secret) ([\w./-]+)/i,
    title: (s) => `A referenced key ${q(s)} is missing`,
    explanation:
      'The pod takes an environment variable from a ConfigMap/Secret key that does not exist, so the kubelet refuses to create the container (CreateContainerConfigError).',
    doNext: ['Add the key to the ConfigMap/Secret or fix the key name in the pod template.'],
  }),
  pattern({
    id: 'run-as-non-root-refused',
    category: 'create-config-error',
    weight: 94,
    // pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot.
    re: /container has runAsNonRoot and image (?:will run as root|has non-numeric user(?: \(([^)]+)\))?)|runAsUser breaks non-root policy/,
    title: (s) =>
      `The kubelet refuses to start the image as root under runAsNonRoot${s ? ` (image user ${q(s)})` : ''}`,
    explanation:
      'The pod’s securityContext says runAsNonRoot: true, but the image runs as root (no USER, or a user name the kubelet cannot verify as non-root), so the kubelet will not create the container (CreateContainerConfigError).',
    doNext: [
      'Set securityContext.runAsUser to a non-zero UID the image supports (and fsGroup for its volumes), or build the image with a numeric non-root USER.',
    ],
  }),
  pattern({
    id: 'create-config-error',
    category: 'create-config-error',
    weight: 80,
    re: /CreateContainerConfigError/,
    title: () => 'The kubelet cannot build the container configuration',
    explanation:
      'CreateContainerConfigError: a referenced ConfigMap, Secret or key is missing, or the security context is invalid.',
    doNext: ['Read the Failed event of the pod: it names the missing object or key.'],
  }),
  pattern({
    id: 'image-pull-failed',
    category: 'image-pull',
    weight: 94,
    re: /Failed to pull image "([^"]+)"|Failed to pull image\b|ErrImagePull|ImagePullBackOff|Back-off pulling image "([^"]+)"|ErrImageNeverPull|InvalidImageName|manifest unknown|pull access denied|repository does not exist|no basic auth credentials|toomanyrequests|pull rate limit|no match for platform in manifest|unauthorized: authentication required/i,
    title: (s) => `The image ${s ? `${q(s)} ` : ''}cannot be pulled`,
    explanation: 'The node cannot pull the image, so the container never starts.',
    doNext: [
      'Check the image name and tag exist in the registry and that the pod has imagePullSecrets for private registries.',
    ],
  }),
  pattern({
    id: 'liveness-probe-failed',
    category: 'probe-failure',
    weight: 70,
    re: /(Liveness|Startup) probe (?:failed|errored)|failed (liveness|startup) probe, will be restarted/i,
    title: (s) => `The ${s ? s.toLowerCase() : 'liveness'} probe keeps failing`,
    explanation:
      'The kubelet restarts a container whose liveness (or startup) probe fails failureThreshold times in a row. The app may be fine but slow, or the probe may point at the wrong path/port.',
    doNext: [
      'Compare the probe (path, port, timeoutSeconds, failureThreshold) with what the app serves and how long it takes to start; add a startupProbe for slow starters.',
    ],
  }),
  pattern({
    id: 'killed-while-recovering',
    category: 'probe-failure',
    weight: 80,
    // A database's own log: it was stopped uncleanly and replays its journal at start; its own
    // clients (probes) are turned away meanwhile. Killed before it finishes, it starts over.
    re: /automatic recovery in progress|database system was interrupted|redo starts at|crash recovery (?:in progress|started)|Starting crash recovery|replaying (?:WAL|journal|redo log|the log)/i,
    title: () =>
      'The database is recovering at start-up; a liveness probe shorter than the recovery kills it',
    explanation:
      'The server is replaying its log after an unclean stop, which can take minutes, and refuses connections until it finishes. A liveness probe with less patience kills it mid-recovery, so every restart begins the recovery again.',
    doNext: [
      'Give the start-up time to finish: a startupProbe (failureThreshold × periodSeconds above the worst recovery) or a larger initialDelaySeconds on the liveness probe; watch the log reach “ready to accept connections”.',
    ],
  }),
  pattern({
    id: 'readiness-probe-failed',
    category: 'probe-failure',
    weight: 40,
    re: /Readiness probe (?:failed|errored)/i,
    title: () => 'The readiness probe fails',
    explanation:
      'The container is running but not ready. Readiness failures alone do not restart a container.',
    doNext: ['Check what the readiness endpoint reports and why.'],
  }),
  pattern({
    id: 'oom-killed',
    category: 'oom-killed',
    weight: 90,
    re: /\bOOMKilled\b/,
    title: () => 'The container was OOM-killed',
    explanation:
      'The kernel killed the container for exceeding its memory (reason OOMKilled, usually exit 137). The log just stops; the cause is memory, not the last log line.',
    doNext: ['Compare the memory limit with real usage; raise the limit or fix the leak.'],
  }),
  pattern({
    id: 'exits-zero',
    category: 'exits-zero',
    weight: 72,
    re: /^\s*(?:Reason:\s+Completed|Exit Code:\s+0)\s*$/,
    after: /Last State:\s+Terminated/,
    title: () => 'The container exits 0 and is restarted',
    explanation:
      'The main process finished successfully, but under restartPolicy Always the kubelet restarts it anyway and applies the crash back-off.',
    doNext: [
      'Run the program in the foreground as a long-lived process, or make it a Job if it is meant to finish.',
    ],
  }),
  pattern({
    id: 'exits-zero',
    category: 'exits-zero',
    weight: 62,
    re: /^\S+\s+\d+\/\d+\s+Completed\s+[1-9]\d*\s/,
    title: () => 'The container exits 0 and is restarted',
    explanation:
      'The pod shows Completed with restarts climbing: the main process finishes, and restartPolicy Always restarts it into back-off.',
    doNext: [
      'Run the program in the foreground as a long-lived process, or make it a Job if it is meant to finish.',
    ],
  }),
  pattern({
    id: 'init-container-blocking',
    category: 'init-container',
    weight: 40,
    re: /is waiting to start: PodInitializing|Init:(?:CrashLoopBackOff|Error|ExitCode:\d+|Signal:\d+|OOMKilled)/,
    title: () => 'An init container has not completed',
    explanation:
      'The main containers wait until every init container has exited 0; a failing init container blocks the pod.',
    doNext: ['Read the init container’s log: kubectl logs POD -c INIT_CONTAINER --previous.'],
  }),
  pattern({
    id: 'init-network-setup-failed',
    category: 'init-container',
    weight: 80,
    // Service-mesh init containers (istio-init, linkerd-init) program the pod's iptables; a rerun
    // inside the same network namespace finds its chains already there.
    re: /iptables(?:-restore|-save|-legacy|-nft)?: (?:Chain already exists|No chain\/target\/match by that name|can't initialize iptables table|Permission denied \(you must be root\)|line \d+ failed)/,
    title: () => 'The network-setup init container (iptables) fails, so the pod never starts',
    explanation:
      'An init container that programs the pod’s iptables rules (a service-mesh init such as istio-init) fails: the chains already exist because it ran before in the same pod network namespace (its container was removed by a node clean-up and re-run), or it lacks NET_ADMIN/root.',
    doNext: [
      'Read that init container’s log and the node’s clean-up jobs (docker/crictl prune removing exited init containers); delete the pod only once the cause is understood, or use the mesh’s CNI plugin instead of an init container.',
    ],
  }),
  pattern({
    id: 'wait-for-missing-object',
    category: 'init-container',
    weight: 76,
    // kubectl inside a "wait-for" step (k8s-wait-for and similar init containers).
    re: /Error from server \(NotFound\): (?!pods? )([\w.]+ "[^"]+") not found/,
    title: (s) => `A wait-for step looks for ${s ? q(s) : 'an object'}, which does not exist`,
    explanation:
      'A step that waits for another object before the app starts (usually an init container running kubectl, k8s-wait-for or a script) asks for one that does not exist under that name, so it fails or waits forever and the app container never starts.',
    doNext: [
      'Compare the name the init container waits for with the objects that exist (kubectl get jobs,svc -n NAMESPACE); fix the name in the chart values or the init container’s args.',
    ],
  }),
  pattern({
    id: 'evicted',
    category: 'oom-killed',
    weight: 60,
    // eviction/helpers.go; memory pressure is a memory cause (requests vs usage), not an app error.
    re: /The node was low on resource: (memory)/,
    title: (s) => `The pod was evicted: the node ran low on ${s ?? 'memory'} (not an OOM kill)`,
    explanation:
      'The kubelet evicted the pod under node memory pressure. Pods using more memory than they request are evicted first; this is not the container hitting its own limit.',
    doNext: [
      'Set the memory request close to real usage (pods above their requests are evicted first) and check what else uses the node’s memory.',
    ],
  }),
  pattern({
    id: 'evicted',
    category: 'app-error',
    weight: 60,
    re: /The node was low on resource: (?!memory)(\w[\w-]*)/,
    title: (s) => `The pod was evicted: the node ran low on ${s ?? 'a resource'}`,
    explanation:
      'The kubelet evicted the pod under node pressure. Eviction is not an OOM kill and not a crash of the app.',
    doNext: [
      'Check the node’s pressure conditions and the pod’s requests (pods using more than they request are evicted first).',
    ],
  }),
];
