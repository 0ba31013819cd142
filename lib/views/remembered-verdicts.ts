// The board diagnoses every pod on every change; on a big cluster nearly all of them are unchanged
// since the last time. A verdict is remembered with the signature of everything diagnosis read for
// the pod — the pod, its events, owners, siblings, LimitRanges, recorded history and log head, by
// resourceVersion — and reused while that signature holds, for at most a minute: healthy (no row
// on the board), or an unhealthy pod's diagnosis for as long as the clock alone cannot change it
// (diagnosisStableUntil: a restart turning into history, a retry counted from now). The row is
// drawn from it again each time (its restart buckets move with the clock).
import type { DiagnosisInput, PodDiagnosis } from '../diagnosis';

/** How long a verdict is reused at most, even with unchanged inputs. */
const maxAgeMs = 60_000;

type Meta = { metadata?: { uid?: string; resourceVersion?: string; name?: string } };

function versionOf(o: Meta): string {
  return `${o.metadata?.uid ?? o.metadata?.name ?? ''}@${o.metadata?.resourceVersion ?? ''}`;
}

/** What the verdict of one pod was computed from. */
export function inputSignature(input: DiagnosisInput, head: unknown): string {
  const history = input.history;
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
    '|',
    ...(history?.pods ?? []).map((p) => `${p.uid}@${p.deletedAt ?? ''}`),
    ...(history?.terminations ?? []).map((t) => `${t.podUid}/${t.container}#${t.restartCount}`),
    head === undefined ? '' : JSON.stringify(head),
  ].join(',');
}

/** A verdict to remember: healthy, or the diagnosis of an unhealthy pod and until when it holds. */
export type Verdict = 'healthy' | { diagnosis: PodDiagnosis; until: number };

/** Remembered verdicts of one cluster's pods, by uid. */
export class RememberedVerdicts {
  private readonly verdicts = new Map<
    string,
    { signature: string; at: number; verdict: Verdict }
  >();

  /** The verdict of the pod with exactly these inputs, if recent and the clock has not moved it. */
  lookup(uid: string, signature: string, now: number): Verdict | undefined {
    const seen = this.verdicts.get(uid);
    if (!seen || seen.signature !== signature || now - seen.at >= maxAgeMs) return undefined;
    if (seen.verdict !== 'healthy' && now >= seen.verdict.until) return undefined;
    return seen.verdict;
  }

  /** Records a new verdict (a healthy one keeps the time it was first seen with these inputs). */
  record(uid: string, signature: string, verdict: Verdict, now: number): void {
    const seen = this.verdicts.get(uid);
    const same = seen?.signature === signature && seen.verdict === 'healthy';
    if (verdict === 'healthy' && same) return;
    this.verdicts.set(uid, { signature, at: now, verdict });
  }

  /** Forgets pods that are gone. */
  keepOnly(uids: Set<string>): void {
    for (const uid of this.verdicts.keys()) if (!uids.has(uid)) this.verdicts.delete(uid);
  }
}
