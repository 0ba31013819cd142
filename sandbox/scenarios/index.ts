/** The scenario catalogue. */
import { deleteResetsBackoff } from './delete-resets-backoff';
import { exitsZero } from './exits-zero';
import { healthy } from './healthy';
import { imageTagMissing } from './image-tag-missing';
import { livenessSlowStart } from './liveness-slow-start';
import { missingConfigKey } from './missing-config-key';
import { oomNoLimit } from './oom-no-limit';
import { rollbackHidesCause } from './rollback-hides-cause';
import type { Scenario } from './scenario';
import { staleImageNewConfig } from './stale-image-new-config';

/** Every scenario, in the order the README lists them. */
export const ALL_SCENARIOS: Scenario[] = [
  rollbackHidesCause,
  deleteResetsBackoff,
  staleImageNewConfig,
  oomNoLimit,
  healthy,
  livenessSlowStart,
  imageTagMissing,
  missingConfigKey,
  exitsZero,
];

/** Scenario names accepted by startSandbox and the CLI. */
export const SCENARIOS: string[] = ALL_SCENARIOS.map((s) => s.name);

/** Resolves names (or 'all') to scenarios; an unknown name is an error listing the valid ones. */
export function selectScenarios(names: string[] | 'all' | undefined): Scenario[] {
  if (!names || names === 'all') return ALL_SCENARIOS;
  return names.map((name) => {
    const found = ALL_SCENARIOS.find((s) => s.name === name);
    if (!found)
      throw new Error(`unknown scenario "${name}"; valid scenarios: ${SCENARIOS.join(', ')}`);
    return found;
  });
}
