// Memory limit/request of a container, the namespace LimitRange default that applies when the
// spec sets none (LimitRanger admission copies it into the pod spec, so a pod created after the
// LimitRange shows it in spec), the last usage from metrics.k8s.io and the usage recorded over time.
import { parseQuantity } from './quantity';
import type { ContainerSpecLike, LimitRangeLike, MemoryFacts, MemorySample } from './types';

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
  over: { samples?: MemorySample[]; served?: boolean } = {},
): MemoryFacts {
  const limit = spec?.resources?.limits?.memory;
  const samples = (over.samples ?? [])
    .map((m) => ({ at: m.at, bytes: m.bytes, limitBytes: m.limitBytes }))
    .sort((a, b) => a.at - b.at);
  return {
    limit,
    limitBytes: parseQuantity(limit),
    request: spec?.resources?.requests?.memory,
    limitRangeDefault: limitRangeDefault(limitRanges),
    lastUsageBytes: usageBytes,
    ...(samples.length > 0 ? { samples } : {}),
    ...(over.served === undefined ? {} : { metrics: over.served ? 'served' : 'absent' }),
  };
}
