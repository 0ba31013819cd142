// Markdown that pastes cleanly into a postmortem doc: GitHub tables, escaped cells, commands in
// fenced blocks. Shared helpers; the pod and workload documents are built in their own files.
import type { Finding, KubectlCommand } from '@/lib/diagnosis';
import { SEVERITY_SYMBOL } from '@/components/format/exit-style';
import type { ChainRow } from './root-cause';

/** Escapes a table cell: pipes, newlines and backticks-in-cells stay readable. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A GitHub-flavoured table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The root-cause chain section. */
export function chainMarkdown(chain: ChainRow[]): string {
  if (chain.length === 0) return '## Root-cause chain\n\nNo warning or critical finding.';
  return `## Root-cause chain\n\n${table(
    ['#', 'Mistake', 'Consequence', 'What would have prevented it'],
    chain.map((r, i) => [String(i + 1), r.mistake, r.consequence, r.prevention]),
  )}`;
}

/** Every finding with its evidence, do next and don't. */
export function findingsMarkdown(findings: Finding[]): string {
  const parts = findings.map((f) => {
    const lines = [
      `### ${SEVERITY_SYMBOL[f.severity]} ${f.title} (\`${f.id}\`, ${f.severity})`,
      '',
      f.explanation,
      '',
    ];
    for (const e of f.evidence) {
      const where = [
        e.kind === 'log' ? `${e.logKind ?? 'previous'} log` : e.kind,
        e.container,
        e.line !== undefined ? `line ${e.line}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(`- Evidence (${where}): \`${e.text.replace(/`/g, "'")}\``);
    }
    // One bullet per piece of advice: joining sentences with "; " gave ".;".
    if (f.doNext.length) lines.push('- Do next:', ...f.doNext.map((a) => `  - ${a}`));
    if (f.dont.length) lines.push("- Don't:", ...f.dont.map((a) => `  - ${a}`));
    return lines.join('\n');
  });
  return `## Findings\n\n${parts.join('\n\n') || 'None.'}`;
}

/** The commands, deduplicated, in one shell block. */
export function commandsMarkdown(commands: KubectlCommand[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const c of commands) {
    if (seen.has(c.command)) continue;
    seen.add(c.command);
    lines.push(`# ${c.label}`, c.command);
  }
  return `## kubectl commands\n\n\`\`\`sh\n${lines.join('\n')}\n\`\`\``;
}
