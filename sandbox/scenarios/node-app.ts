/** Log helpers shared by the scenarios' Node.js-style apps. */
import type { RunPlan } from '../kubelet/behaviour';
import { timeline } from './scenario';

const METHODS = [
  'GET /healthz 200 1ms',
  'GET /api/v1/session 200 14ms',
  'POST /api/v1/token 200 31ms',
  'GET /metrics 200 3ms',
];

/** A healthy HTTP service: start-up lines, then an access log line every `everyMs`. */
export function healthyService(
  name: string,
  version: string,
  port: number,
  everyMs = 10_000,
): RunPlan {
  return {
    lines: timeline([
      [0, `${name} ${version} starting (node v20.18.1) pid=1`],
      [45, `config: NODE_ENV=production PORT=${port}`],
      [260, 'db: pool ready (size=10)'],
      [40, `http: listening on :${port}`],
    ]),
    repeat: { everyMs, text: (n) => `http: ${METHODS[n % METHODS.length] ?? ''}` },
    healthyAfterMs: 400,
    memoryBytes: (ms) => (118 + Math.min(40, ms / 600_000)) * 1024 * 1024,
    cpuMillis: 12,
  };
}

/** The lines Node.js prints for an uncaught Error thrown at `where`. */
export function nodeCrash(
  message: string,
  frames: string[],
  source?: { file: string; line: string },
): string[] {
  return [
    ...(source ? [`${source.file}`, `    ${source.line}`, '    ^', ''] : []),
    `Error: ${message}`,
    ...frames.map((f) => `    at ${f}`),
    '',
    'Node.js v20.18.1',
  ];
}
