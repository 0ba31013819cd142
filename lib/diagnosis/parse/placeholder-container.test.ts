import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosePod } from '../index';
import { parseInputs } from './index';

const NOW = Date.parse('2023-06-21T10:20:00+02:00');
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function diagnoseText(name: string) {
  const { input } = parseInputs([{ name, text: fixture(name) }], NOW);
  return diagnosePod(input);
}

describe('container names the paste did not show', () => {
  it('prints CONTAINER in commands and says the name was not in the input', () => {
    const d = diagnoseText('describe-partial-last-state.txt');
    const commands = d.findings.flatMap((f) => [...f.commands.map((c) => c.command), ...f.doNext]);
    expect(commands.join('\n')).not.toMatch(/<container>|<init-container>/);
    expect(commands.join('\n')).toContain('-c CONTAINER --previous');
    expect(d.findings[0]?.explanation).toMatch(/container name was not in the input/);
  });

  it('points at the init containers’ names for an unnamed failing init container', () => {
    const d = diagnoseText('pods-table-init-crashloop.txt');
    const top = d.findings[0];
    expect(top?.category).toBe('init-container');
    expect(top?.commands.map((c) => c.command).join('\n')).not.toContain('<init-container>');
    expect(top?.explanation).toContain('{.spec.initContainers[*].name}');
  });
});
