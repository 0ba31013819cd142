// What would have prevented a finding: the anti-primer's lesson for its category, else the
// finding's own first "do next" (or "don't"). Finding has no prevention field of its own; the
// postmortem's root-cause chain reads this.
import type { Finding } from './types';

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

/** The lesson that would have prevented a finding, matched on its category and id. */
export function preventionOf(
  finding: Pick<Finding, 'category' | 'id' | 'doNext' | 'dont'>,
): string | undefined {
  const key = `${finding.category} ${finding.id}`.toLowerCase();
  const lesson = LESSONS.find(([re]) => re.test(key))?.[1];
  return lesson ?? finding.doNext[0] ?? finding.dont[0];
}
