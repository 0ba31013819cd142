/** The scenario catalogue. */
import { deleteResetsBackoff } from './delete-resets-backoff';
import { oomNoLimit } from './oom-no-limit';
import type { Scenario } from './scenario';

/** Every scenario, in the order the README lists them. */
export const ALL_SCENARIOS: Scenario[] = [deleteResetsBackoff, oomNoLimit];

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
