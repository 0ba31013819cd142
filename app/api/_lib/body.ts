// Request bodies read with a byte cap counted as the bytes arrive: an upload over the cap is
// refused as soon as it crosses it, never read whole first (Content-Length can be absent or lie).

/** The body was larger than the cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Upload is larger than ${maxBytes} bytes; trim the log.`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the request body up to `maxBytes`; throws BodyTooLargeError and cancels past it. */
export async function readBodyCapped(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
