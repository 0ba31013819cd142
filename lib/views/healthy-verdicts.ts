// The board diagnoses every pod on every change; on a big cluster nearly all of them are healthy
// and unchanged since the last time. A healthy verdict (no row on the board) is remembered with
// the signature of everything diagnosis read for the pod — the pod, its events, owners, siblings,
// LimitRanges and recorded log head, by resourceVersion — and reused while that signature holds,
// for at most a minute. Unhealthy pods are diagnosed afresh every time: their findings depend on
// the clock (back-off windows, "next retry").
import type { DiagnosisInput } from '../diagnosis';

/** How long a healthy verdict is reused at most, even with unchanged inputs. */
const maxAgeMs = 60_000;

type Meta = { metadata?: { uid?: string; resourceVersion?: string; name?: string } };

function versionOf(o: Meta): string {
  return `${o.metadata?.uid ?? o.metadata?.name ?? ''}@${o.metadata?.resourceVersion ?? ''}`;
}

/** What the verdict of one pod was computed from. */
export function inputSignature(input: DiagnosisInput, head: unknown): string {
  return [
    versionOf(input.pod),
    ...(input.events ?? []).map(versionOf),
    '|',
    ...(input.owners ?? []).map(versionOf),
    '|',
    ...(input.revisions ?? []).map(versionOf),
    '|',
    ...(input.siblings ?? []).map(versionOf),
    '|',
    ...(input.limitRanges ?? []).map(versionOf),
    head === undefined ? '' : JSON.stringify(head),
  ].join(',');
}

/** Healthy verdicts of one cluster's pods, by uid. */
export class HealthyVerdicts {
  private readonly verdicts = new Map<string, { signature: string; at: number }>();

  /** Whether the pod was healthy with exactly these inputs, recently. */
  stillHealthy(uid: string, signature: string, now: number): boolean {
    const verdict = this.verdicts.get(uid);
    return Boolean(verdict && verdict.signature === signature && now - verdict.at < maxAgeMs);
  }

  /** Records a verdict: healthy (remembered) or not (forgotten). */
  record(uid: string, signature: string, healthy: boolean, now: number): void {
    const verdict = this.verdicts.get(uid);
    if (!healthy) this.verdicts.delete(uid);
    else if (!verdict || verdict.signature !== signature)
      this.verdicts.set(uid, { signature, at: now });
  }

  /** Forgets pods that are gone. */
  keepOnly(uids: Set<string>): void {
    for (const uid of this.verdicts.keys()) if (!uids.has(uid)) this.verdicts.delete(uid);
  }
}
