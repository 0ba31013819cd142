// Memory limit/request of a container, the namespace LimitRange default that applies when the
// spec sets none (LimitRanger admission copies it into the pod spec, so a pod created after the
// LimitRange shows it in spec), and the last usage from metrics.k8s.io.
import { parseQuantity } from './quantity';
import type { ContainerSpecLike, LimitRangeLike, MemoryFacts } from './types';

function limitRangeDefault(limitRanges: LimitRangeLike[] | undefined): string | undefined {
  for (const lr of limitRanges ?? []) {
    for (const item of lr.spec?.limits ?? []) {
      if ((item.type ?? 'Container') === 'Container' && item.default?.memory) {
        return item.default.memory;
      }
    }
  }
  return undefined;
}

/** The memory facts of one container. */
export function memoryFacts(
  spec: ContainerSpecLike | undefined,
  limitRanges: LimitRangeLike[] | undefined,
  usageBytes: number | undefined,
): MemoryFacts {
  const limit = spec?.resources?.limits?.memory;
  return {
    limit,
    limitBytes: parseQuantity(limit),
    request: spec?.resources?.requests?.memory,
    limitRangeDefault: limitRangeDefault(limitRanges),
    lastUsageBytes: usageBytes,
  };
}
