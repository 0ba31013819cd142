// The import's shareable link: the pasted files, deflated and base64url-encoded into the URL
// fragment. A fragment never reaches the server, so sharing stores nothing anywhere; the price is
// length (browsers accept ~2 MB URLs, chat apps far less), so large inputs say so instead.

export interface ImportFile {
  name: string;
  text: string;
}

/** Chat apps start to truncate around here; above it we warn rather than share a broken link. */
export const SHARE_LIMIT_CHARS = 60_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Files → `d=<deflate-raw base64url>` for the URL fragment. */
export async function encodeFragment(files: ImportFile[]): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(files));
  return `d=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The fragment (with or without `#`) → files; undefined when there is none or it is damaged. */
export async function decodeFragment(fragment: string): Promise<ImportFile[] | undefined> {
  const match = /(?:^#?|&)d=([A-Za-z0-9_-]+)/.exec(fragment);
  if (!match?.[1]) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(match[1]), new DecompressionStream('deflate-raw'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(parsed)) return undefined;
    return parsed.filter(
      (f): f is ImportFile =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as ImportFile).name === 'string' &&
        typeof (f as ImportFile).text === 'string',
    );
  } catch {
    return undefined;
  }
}
