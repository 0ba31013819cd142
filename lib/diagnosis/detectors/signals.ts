// Scans text sources with the log-line catalogue and keeps the strongest signal with its source.
import { compareSignals, scanLogText, type LogSignal } from '../log-signals';
import type { Evidence } from '../types';
import type { TextSource } from './text-sources';

/** A log signal together with the evidence that locates it. */
export interface SourcedSignal {
  signal: LogSignal;
  evidence: Evidence;
}

// Categories only the program itself can report: a kubelet message that cannot connect (a probe
// dialling the pod's own IP, a hook) is about this container, not about something it depends on.
const PROGRAM_ONLY = new Set(['dependency-unavailable']);

/** True for text the container wrote: its log or its termination message. */
function fromProgram(source: TextSource): boolean {
  const e = source.evidence;
  return e.kind === 'log' || e.kind === 'history' || !!e.path?.endsWith('terminated.message');
}

/** Every signal found in the sources, strongest first (source order breaks ties). */
export function scanSources(sources: TextSource[]): SourcedSignal[] {
  const out: SourcedSignal[] = [];
  for (const source of sources) {
    for (const signal of scanLogText(source.text)) {
      if (PROGRAM_ONLY.has(signal.category) && !fromProgram(source)) continue;
      const isLog = source.evidence.kind === 'log';
      out.push({
        signal,
        evidence: { ...source.evidence, text: signal.text, line: isLog ? signal.line : undefined },
      });
    }
  }
  // Stable sort keeps logs (scanned first) ahead of events at equal strength.
  return out.sort((a, b) => compareSignals(a.signal, b.signal) || 0);
}

/** The strongest signal whose category and id are both outside `exclude`, if any. */
export function strongest(
  signals: SourcedSignal[],
  exclude: string[] = [],
): SourcedSignal | undefined {
  return signals.find(
    (s) => !exclude.includes(s.signal.category) && !exclude.includes(s.signal.id),
  );
}
