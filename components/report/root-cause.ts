// The postmortem's root-cause chain (mistake · consequence · what would have prevented it), built
// from findings. Finding has no "prevention" field, so the presenter maps categories to the
// anti-primer's lessons and falls back to the finding's own "do next".
import type { Finding } from '@/lib/diagnosis';

export interface ChainRow {
  findingId: string;
  mistake: string;
  consequence: string;
  prevention: string;
}

const LESSONS: Array<[RegExp, string]> = [
  [/oom|memory/, 'Set memory limits; check exit codes first (137 = OOMKilled, 1 = app error).'],
  [
    /image|digest|tag/,
    'Build, push and deploy as one atomic CI sequence; compare the running imageID with the expected digest.',
  ],
  [
    /reset|delete|replaced/,
    'Let the back-off run; read `kubectl logs --previous` instead of deleting the pod.',
  ],
  [
    /config|env|secret|missing/,
    'Always check `kubectl logs --previous` before rolling back; declare every required variable in the manifest and check it in CI.',
  ],
  [
    /probe|liveness|startup/,
    'Give slow starters a startupProbe; set liveness timings from measured start-up time.',
  ],
  [
    /completed|exit-zero|exits-zero/,
    'Run to-completion work as a Job; keep a server process in the foreground.',
  ],
];

/** One chain row per finding (warnings and criticals first, as the findings are sorted). */
export function rootCauseChain(findings: Finding[]): ChainRow[] {
  return findings
    .filter((f) => f.severity !== 'info')
    .map((f) => {
      const key = `${f.category} ${f.id}`.toLowerCase();
      const lesson = LESSONS.find(([re]) => re.test(key))?.[1];
      return {
        findingId: f.id,
        mistake: f.title,
        consequence: f.explanation,
        prevention: lesson ?? f.doNext[0] ?? f.dont[0] ?? '—',
      };
    });
}
