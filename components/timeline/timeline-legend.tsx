import { EXIT_FILL, EXIT_WORD, type ExitKind } from '@/components/format/exit-style';

const KINDS: ExitKind[] = ['error', 'oom', 'signal', 'completed', 'running'];

/** What the bar colours mean (the bars are labelled too). */
export function TimelineLegend() {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
      {KINDS.map((k) => (
        <li key={k} className="flex items-center gap-1">
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-sm"
            style={{ background: EXIT_FILL[k] }}
          />
          {EXIT_WORD[k]}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span
          aria-hidden
          className="inline-block h-3 w-4 border border-slate-500"
          style={{
            backgroundImage: 'repeating-linear-gradient(45deg, #64748b 0 2px, #f1f5f9 2px 5px)',
          }}
        />
        restarts not observed
      </li>
      <li>▲ event (×count)</li>
      <li className="text-rose-800">↺ back-off reset</li>
    </ul>
  );
}
