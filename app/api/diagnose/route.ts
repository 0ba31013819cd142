// POST /api/diagnose: offline diagnosis of pasted or uploaded kubectl output and logs.
// Accepts JSON {files: [{name, text}]} or multipart form data (each file field, or a `text` field).
import { NextResponse } from 'next/server';
import { diagnoseUpload } from '@/lib/views';
import { BodyTooLargeError, readBodyCapped } from '../_lib/body';
import { guardRoute, routeSecurityHeaders } from '../_lib/guard';
import { errorResponse, jsonError, parseOr400 } from '../_lib/respond';
import { diagnoseBodySchema } from '../_lib/schemas';

export const dynamic = 'force-dynamic';

/** Upload cap: 5 MiB (5242880 bytes) in total unless PODTRAIL_UPLOAD_MAX_BYTES says otherwise. */
const maxBytes = Number(process.env.PODTRAIL_UPLOAD_MAX_BYTES) || 5 * 1024 * 1024;

async function readFiles(request: Request, bytes: Uint8Array<ArrayBuffer>): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return JSON.parse(new TextDecoder().decode(bytes));
  const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
  const files: Array<{ name: string; text: string }> = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') files.push({ name: field, text: value });
    else files.push({ name: value.name || field, text: await value.text() });
  }
  return { files };
}

/** Diagnoses the uploaded text; 400 with the parser's message and line when it is malformed. */
export async function POST(request: Request) {
  // proxy.ts leaves this route alone (so the body streams): the same guard and headers here.
  const refused = guardRoute(request);
  if (refused) return refused;
  const response = await diagnose(request);
  for (const [name, value] of Object.entries(routeSecurityHeaders()))
    response.headers.set(name, value);
  return response;
}

async function diagnose(request: Request): Promise<NextResponse> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBodyCapped(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, error.message);
    return jsonError(400, 'The upload was interrupted; send it again.');
  }
  let body: unknown;
  try {
    body = await readFiles(request, bytes);
  } catch {
    return jsonError(400, 'Send JSON {"files":[{"name","text"}]} or multipart form data.');
  }
  const parsed = parseOr400(diagnoseBodySchema, body);
  if ('response' in parsed) return parsed.response;
  const total = parsed.data.files.reduce((sum, f) => sum + f.text.length, 0);
  if (total > maxBytes)
    return jsonError(413, `Upload is larger than ${maxBytes} bytes; trim the log.`);
  try {
    return NextResponse.json(diagnoseUpload(parsed.data.files));
  } catch (error) {
    return errorResponse(error);
  }
}
