// Container logs often carry ANSI escape sequences (coloured log levels). They are parsed into
// plain text segments with a colour name — never HTML — and every other control sequence
// (cursor moves, OSC titles and hyperlinks, stray C0 bytes) is dropped.

/** A run of text with the SGR attributes in force. */
export interface AnsiSegment {
  text: string;
  /** One of the 8 basic colours (bright variants fold into them). */
  colour?: 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white';
  bold?: boolean;
}

const colours = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

// CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \), other two-byte escapes, C0 controls
// other than tab. One pass; anything that is not an SGR ("m") sequence is removed.
const escapes =
  /\u001b\[([0-9;?]*)([@-~])?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?|[\u0000-\u0008\u000b-\u001f\u007f]/g;

function applySgr(params: string, state: Omit<AnsiSegment, 'text'>): Omit<AnsiSegment, 'text'> {
  let next = { ...state };
  const codes = params === '' ? [0] : params.split(';').map(Number);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 22) next.bold = undefined;
    else if (code === 39) next.colour = undefined;
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97))
      next.colour = colours[code % 10];
    else if (code === 38 || code === 48) i += codes[i + 1] === 5 ? 2 : 4; // 256/true colour: skipped
  }
  return next;
}

/** Splits a log line into text segments by its SGR colour codes, dropping other escapes. */
export function parseAnsi(line: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let state: Omit<AnsiSegment, 'text'> = {};
  let last = 0;
  const push = (text: string) => {
    if (text) segments.push({ text, ...state });
  };
  for (const match of line.matchAll(escapes)) {
    push(line.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[2] === 'm') state = applySgr(match[1] ?? '', state);
  }
  push(line.slice(last));
  return segments;
}

/** The line's text without any escape sequence. */
export function stripAnsi(line: string): string {
  return parseAnsi(line)
    .map((s) => s.text)
    .join('');
}
