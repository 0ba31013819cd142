// One scanner of JSON brackets outside strings, for the paste splitter (where does a JSON object
// end?) and the object reader (which closers would finish a paste that was cut short?).

/** What a scan of JSON text found. */
export interface BracketScan {
  /** Brackets opened minus brackets closed (negative when more close than open). */
  depth: number;
  /** The closers still owed, innermost last. */
  owed: string[];
  /** A closer that did not match the innermost open bracket. */
  mismatched: boolean;
  /** The text ends inside a string. */
  inString: boolean;
}

/** Scans JSON text for its brackets, skipping strings and their escapes. */
export function scanJsonBrackets(text: string): BracketScan {
  const owed: string[] = [];
  let depth = 0;
  let mismatched = false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      owed.push(ch === '{' ? '}' : ']');
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (owed.pop() !== ch) mismatched = true;
    }
  }
  return { depth, owed, mismatched, inString };
}
