// Times derived from kubectl's relative ages ("3m", "(x4 over 10m)") in pasted output: each is
// marked "≈" and says what it was counted back from, so nobody reads an estimate as a record.
import type { AgeBasis } from '@/lib/diagnosis';
import { formatClock, formatDateTime } from './time';

/** What ages were counted back from, in words: "the paste (06:15:00 UTC)". */
export function basisWords(b: AgeBasis): string {
  const at = formatClock(b.at);
  if (b.basis === 'given') return `the time you gave (${at})`;
  if (b.basis === 'inferred') return `the \`date\` line in the input (${at}, ${b.from ?? ''})`;
  return `the moment of pasting (${at})`;
}

/** "≈ 2026-11-30 06:12:00 UTC, from “3m” before the moment of pasting (06:15:00 UTC)". */
export function derivedTimeText(at: number, ageText: string, b: AgeBasis | undefined): string {
  const basis = b ? basisWords(b) : 'the moment of pasting';
  return `≈ ${formatDateTime(at)}, from “${ageText}” before ${basis}`;
}
