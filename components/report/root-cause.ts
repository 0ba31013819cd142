// The postmortem's root-cause chain (mistake · consequence · what would have prevented it), built
// from findings; the prevention is lib/diagnosis' judgement (preventionOf).
import { preventionOf, type Finding } from '@/lib/diagnosis';

export interface ChainRow {
  findingId: string;
  mistake: string;
  consequence: string;
  prevention: string;
}

/** One chain row per finding (warnings and criticals first, as the findings are sorted). */
export function rootCauseChain(findings: Finding[]): ChainRow[] {
  return findings
    .filter((f) => f.severity !== 'info')
    .map((f) => ({
      findingId: f.id,
      mistake: f.title,
      consequence: f.explanation,
      prevention: preventionOf(f) ?? '—',
    }));
}
