/** Public surface of the sandbox cluster (used by tests, the demo and the CLI; never by the product). */
export { startSandbox } from './sandbox';
export type { Sandbox, SandboxOptions, SandboxStats } from './sandbox';
export type { SandboxControl } from './control';
export type { BackoffConfig } from './kubelet/backoff';
export { DEFAULT_BACKOFF, REDUCED_BACKOFF } from './kubelet/backoff';
export { SCENARIOS } from './scenarios';
export { formatGoDuration } from './sim/go-duration';
