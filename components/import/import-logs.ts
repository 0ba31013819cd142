// The import answer (UploadDiagnosis) does not echo the pasted logs back, so the page rebuilds
// LogViews from the files it still holds, using where the parser said each log starts.
import type { ContainerTimeline, PodDiagnosis } from '@/lib/diagnosis';
import type { LogView, UploadDiagnosis } from '@/lib/views/types';
import type { ImportFile } from './share-fragment';

/** One LogView per pasted log segment, attributed to the container the diagnosis is about. */
export function logsFromFiles(result: UploadDiagnosis, files: ImportFile[]): LogView[] {
  const d: PodDiagnosis = result.diagnosis;
  const container: ContainerTimeline | undefined =
    d.containers.find((c) => c.name === d.findings[0]?.container) ??
    d.containers.find((c) => !c.init) ??
    d.containers[0];
  const logs: LogView[] = [];
  for (const k of result.kinds) {
    if (!/log/i.test(k.kind)) continue;
    const file = files.find((f) => f.name === k.file);
    if (!file) continue;
    const lines = file.text.split('\n');
    const nextStart = result.kinds
      .filter((o) => o.file === k.file && o.startLine > k.startLine)
      .reduce((min, o) => Math.min(min, o.startLine), lines.length + 1);
    const text = lines.slice(k.startLine - 1, nextStart - 1).join('\n');
    const kind = /current/i.test(k.kind) ? 'current' : 'previous';
    if (logs.some((l) => l.kind === kind)) continue;
    logs.push({ container: container?.name ?? 'container', kind, text, truncated: false });
  }
  return logs;
}
