// Splits a byte stream into lines, keeping multi-byte characters split across chunks intact.
import { StringDecoder } from 'node:string_decoder';

/** Accumulates chunks and hands back complete, non-empty, trimmed lines. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private buffer = '';

  /** Adds a chunk; returns the lines it completed. */
  push(chunk: Buffer): string[] {
    this.buffer += this.decoder.write(chunk);
    const parts = this.buffer.split('\n');
    this.buffer = parts.pop() ?? '';
    return parts.map((line) => line.trim()).filter((line) => line !== '');
  }
}
