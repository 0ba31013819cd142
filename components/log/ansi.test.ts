import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from './ansi';

describe('parseAnsi', () => {
  it('splits coloured log levels into text segments with a colour name', () => {
    expect(parseAnsi('\u001b[31mERROR\u001b[0m \u001b[1;33mwarn\u001b[0m done')).toEqual([
      { text: 'ERROR', colour: 'red' },
      { text: ' ' },
      { text: 'warn', colour: 'yellow', bold: true },
      { text: ' done' },
    ]);
  });

  it('drops cursor moves, OSC titles and hyperlinks and stray control bytes', () => {
    const line =
      '\u001b[2K\u001b[1Gstep \u001b]0;owned title\u0007ok \u001b]8;;http://evil/\u001b\\link\u001b]8;;\u001b\\ \u0000\u0008end';
    expect(stripAnsi(line)).toBe('step ok link end');
  });

  it('keeps markup as plain text (React escapes it) and survives malformed escapes', () => {
    expect(stripAnsi('<script>alert(1)</script>\u001b[')).toBe('<script>alert(1)</script>');
    expect(parseAnsi('\u001b[38;5;196mred256\u001b[m plain')).toEqual([
      { text: 'red256' },
      { text: ' plain' },
    ]);
    expect(stripAnsi('tab\tkept')).toBe('tab\tkept');
  });
});
