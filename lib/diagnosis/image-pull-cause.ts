// Why an image pull fails, read from the kubelet/runtime error text (image_manager.go
// "Failed to pull image \"x\": <err>"; registries answer 404 manifest unknown, 401/403, 429).

/** The classes of pull failure, each with different next steps. */
export type PullCause =
  | 'not-found'
  | 'unauthorized'
  | 'not-found-or-unauthorized'
  | 'network'
  | 'rate-limited'
  | 'invalid-name'
  | 'never-pull'
  | 'unknown';

const RULES: Array<[PullCause, RegExp]> = [
  ['invalid-name', /InvalidImageName|invalid reference format|Failed to apply default image tag/i],
  ['never-pull', /ErrImageNeverPull|with pull policy of Never/i],
  ['rate-limited', /toomanyrequests|rate limit|429 Too Many Requests/i],
  [
    'not-found-or-unauthorized',
    /pull access denied[^\n]*repository does not exist or may require/i,
  ],
  [
    'not-found',
    /manifest unknown|manifest for \S+ not found|not found: manifest|\bnot found\b|NotFound|name unknown|repository does not exist|no such image|404/i,
  ],
  [
    'unauthorized',
    /unauthorized|authentication required|no basic auth credentials|access denied|denied|forbidden|401|403/i,
  ],
  [
    'network',
    /i\/o timeout|dial tcp|no such host|connection refused|TLS handshake timeout|x509|certificate|context deadline exceeded|network is unreachable|EOF/i,
  ],
];

/** Classifies a pull error text; `unknown` when the text does not say (e.g. only "Back-off pulling image"). */
export function classifyPullError(text: string): PullCause {
  for (const [cause, re] of RULES) if (re.test(text)) return cause;
  return 'unknown';
}

/** The image named in a pull message (`Failed to pull image "x"`, `Back-off pulling image "x"`). */
export function imageInPullMessage(text: string): string | undefined {
  return /(?:pull(?:ing)? image|Container image) "([^"]+)"/i.exec(text)?.[1];
}

/** Title and advice per cause. */
export const PULL_ADVICE: Record<
  PullCause,
  { title: string; explanation: string; doNext: string }
> = {
  'not-found': {
    title: 'tag or repository does not exist',
    explanation:
      'The registry says the image (repository or tag) does not exist: a typo, a tag that was never pushed, or a chart pointing at the wrong repository.',
    doNext:
      'Check that the exact repository and tag exist in the registry (did CI push this tag?) and fix the image in the pod template.',
  },
  unauthorized: {
    title: 'the registry refuses the credentials',
    explanation:
      'The registry refused access: the image is private and the pod has no (or wrong) imagePullSecrets, or the credentials expired.',
    doNext: 'Add or fix imagePullSecrets (on the pod or its service account) for this registry.',
  },
  'not-found-or-unauthorized': {
    title: 'repository missing or private',
    explanation:
      'The registry answers "pull access denied … does not exist or may require docker login": it says the same for a repository that does not exist and for a private one.',
    doNext:
      'Check the repository name first (a wrong owner/path is the usual cause); if it is right, add imagePullSecrets.',
  },
  network: {
    title: 'the node cannot reach the registry',
    explanation:
      'The pull failed on the network path: DNS, proxy, firewall, TLS trust or the registry being down.',
    doNext:
      'From the node, check DNS and HTTPS to the registry host; check proxy and CA configuration of the container runtime.',
  },
  'rate-limited': {
    title: 'the registry is rate-limiting pulls',
    explanation:
      'The registry answered 429 Too Many Requests (Docker Hub anonymous limits are the usual case).',
    doNext:
      'Authenticate pulls (imagePullSecrets), use a mirror, or pin images by digest with IfNotPresent.',
  },
  'invalid-name': {
    title: 'the image reference is invalid',
    explanation:
      'The image string in the pod spec is not a valid reference (bad characters, upper case, empty tag).',
    doNext: 'Fix the image reference in the pod template.',
  },
  'never-pull': {
    title: 'imagePullPolicy Never and the image is not on the node',
    explanation: 'The pod forbids pulling and the node does not have the image.',
    doNext: 'Load the image on the node or change imagePullPolicy.',
  },
  unknown: {
    title: 'cause not in this input',
    explanation:
      'The node keeps failing to pull the image, but the input only shows the back-off, not the registry’s answer.',
    doNext:
      'Read the Failed event of the pod (kubectl describe pod): it carries the registry’s error (not found, unauthorized, network).',
  },
};
