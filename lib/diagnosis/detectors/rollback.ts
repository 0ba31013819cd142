// "A rollback hides this": the Deployment was rolled back (the current ReplicaSet carries
// revision-history, or is older than a newer revision that crashed). The crashed revision's
// cause is unresolved and returns with the next deploy. Cites the crashed pods' terminations
// and, when history captured a log head, its decisive line.
import { rolloutHistoryCommand, standardCommands } from '../commands';
import { DONT_ROLLBACK_BLIND, makeFinding } from '../finding';
import { diagnoseLogText } from '../log-signals';
import { replicaSets, revisionHistoryOf, revisionOf } from '../revisions';
import { diffPodTemplates } from '../template-diff';
import type { Evidence, Finding, RecordedTermination, WorkloadLike } from '../types';
import { type DetectorContext, targetOf } from './context';
import { type QuietCheck, noFailedRecords } from './plain-pod';

function crashesOf(ctx: DetectorContext, rs: WorkloadLike): RecordedTermination[] {
  const name = rs.metadata.name ?? '';
  const podsOfRs = new Set(
    (ctx.input.history?.pods ?? []).filter((p) => p.ownerName === name).map((p) => p.uid),
  );
  return (ctx.input.history?.terminations ?? []).filter(
    (t) =>
      t.exitCode !== 0 &&
      (podsOfRs.has(t.podUid) || (name !== '' && t.podName.startsWith(`${name}-`))),
  );
}

function currentRs(sets: WorkloadLike[]): WorkloadLike | undefined {
  const withReplicas = sets.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  return withReplicas.sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0))[0] ?? sets[0];
}

function causeLine(crashes: RecordedTermination[]): { text: string; evidence?: Evidence } {
  for (const t of [...crashes].reverse()) {
    const d = t.logHead ? diagnoseLogText(t.logHead) : undefined;
    if (d?.decisive) {
      return {
        text: ` Its crashed pods logged: “${d.decisive.text}” (${d.decisive.title.toLowerCase()}).`,
        evidence: {
          kind: 'history',
          text: d.decisive.text,
          container: t.container,
          line: d.decisive.line,
          logKind: 'previous',
          at: t.finishedAt,
        },
      };
    }
  }
  return { text: '' };
}

/** Quiet without a failed recorded termination: a rollback finding cites the crashed revision's. */
export const rollbackQuiet: QuietCheck = (p) => noFailedRecords(p);

/** Detects a rollback away from a revision that crashed, whose cause is still unresolved. */
export function detectRollback(ctx: DetectorContext): Finding[] {
  const sets = replicaSets(ctx.input);
  const current = currentRs(sets);
  if (!current || sets.length < 2) return [];
  const curN = revisionOf(current) ?? 0;
  const rolledBack = revisionHistoryOf(current).length > 0;
  const crashed = sets.find(
    (rs) =>
      rs !== current &&
      crashesOf(ctx, rs).length > 0 &&
      (rolledBack || (revisionOf(rs) ?? 0) > curN),
  );
  if (!crashed || (!rolledBack && (revisionOf(crashed) ?? 0) <= curN)) return [];
  const crashes = crashesOf(ctx, crashed);
  const changes = diffPodTemplates(current.spec?.template?.spec, crashed.spec?.template?.spec);
  const changeText = changes.length
    ? ` It changed: ${changes
        .slice(0, 4)
        .map(
          (c) =>
            `${c.field}${c.container ? ` (${c.container})` : ''} ${c.before ?? '∅'} → ${c.after ?? '∅'}`,
        )
        .join('; ')}.`
    : '';
  const cause = causeLine(crashes);
  const workload = ctx.input.owners?.find((o) => o.kind === 'Deployment');
  const t = targetOf(ctx);
  const last = crashes[crashes.length - 1] as RecordedTermination;
  return [
    makeFinding({
      id: 'rollback-hides-cause',
      category: 'rollback-hides-cause',
      severity: 'critical',
      title: `Rolled back from revision ${revisionOf(crashed) ?? '?'} after it crashed — the cause is still there`,
      explanation: `Revision ${revisionOf(crashed) ?? '?'} (ReplicaSet ${crashed.metadata.name}) crashed ${crashes.length} time(s) and the workload now runs revision ${curN || '?'}. The rollback stopped the crashes but did not fix their cause; the next deploy of that change will crash the same way.${changeText}${cause.text}`,
      evidence: [
        ...(cause.evidence ? [cause.evidence] : []),
        {
          kind: 'history',
          text: `${last.podName}/${last.container} exited ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}`,
          container: last.container,
          at: last.finishedAt,
        },
      ],
      doNext: [
        'Read the crashed revision’s log and fix the cause (often config the new code needs), then roll forward.',
      ],
      dont: [DONT_ROLLBACK_BLIND, "Don't redeploy the same change expecting a different result."],
      commands: [
        ...(workload?.metadata.name
          ? [rolloutHistoryCommand(t, 'Deployment', workload.metadata.name)]
          : []),
        ...standardCommands(t).slice(1),
      ],
      priority: 99,
    }),
  ];
}
