// The full catalogue of log-line patterns, specific classes first.
import { COMMAND_PATTERNS } from './command';
import { CONFIG_PATTERNS } from './config';
import { CONFIG_VALIDATION_PATTERNS } from './config-validation';
import { CREDENTIAL_PATTERNS } from './credentials';
import { CRASH_PATTERNS } from './crash';
import { DEPENDENCY_PATTERNS } from './dependency';
import { GENERIC_PATTERNS } from './generic';
import { KUBE_PATTERNS } from './kube';
import { MEMORY_PATTERNS } from './memory';
import type { LogPattern } from './pattern';
import { PERMISSION_PATTERNS } from './permission';
import { UPGRADE_PATTERNS } from './upgrade';
import { VOLUME_PATTERNS } from './volume';

export type { LogPattern } from './pattern';

/** Every log-line pattern, in no particular order (weights decide). */
export const LOG_PATTERNS: LogPattern[] = [
  ...KUBE_PATTERNS,
  ...COMMAND_PATTERNS,
  ...CONFIG_PATTERNS,
  ...CONFIG_VALIDATION_PATTERNS,
  ...CREDENTIAL_PATTERNS,
  ...UPGRADE_PATTERNS,
  ...MEMORY_PATTERNS,
  ...CRASH_PATTERNS,
  ...VOLUME_PATTERNS,
  ...PERMISSION_PATTERNS,
  ...DEPENDENCY_PATTERNS,
  ...GENERIC_PATTERNS,
];
