// POST /api/diagnose: offline diagnosis of pasted or uploaded kubectl output and logs.
// Accepts JSON {files: [{name, text}]} or multipart form data (each file field, or a `text` field).
import { NextResponse } from 'next/server';
import { diagnoseUpload } from '@/lib/views';
import { errorResponse, jsonError, parseOr400 } from '../_lib/respond';
import { diagnoseBodySchema } from '../_lib/schemas';

export const dynamic = 'force-dynamic';

/** Upload cap: 5 MB in total (PODTRAIL_UPLOAD_MAX_BYTES). */
const maxBytes = Number(process.env.PODTRAIL_UPLOAD_MAX_BYTES) || 5 * 1024 * 1024;

async function readFiles(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return JSON.parse(await request.text());
  const form = await request.formData();
  const files: Array<{ name: string; text: string }> = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') files.push({ name: field, text: value });
    else files.push({ name: value.name || field, text: await value.text() });
  }
  return { files };
}

/** Diagnoses the uploaded text; 400 with the parser's message and line when it is malformed. */
export async function POST(request: Request) {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxBytes)
    return jsonError(413, `Upload is larger than ${maxBytes} bytes; trim the log.`);
  let body: unknown;
  try {
    body = await readFiles(request);
  } catch {
    return jsonError(400, 'Send JSON {"files":[{"name","text"}]} or multipart form data.');
  }
  const parsed = parseOr400(diagnoseBodySchema, body);
  if ('response' in parsed) return parsed.response;
  const total = parsed.data.files.reduce((sum, f) => sum + f.text.length, 0);
  if (total > maxBytes)
    return jsonError(413, `Upload is larger than ${maxBytes} bytes; trim the log.`);
  try {
    const { files, takenAt } = parsed.data;
    return NextResponse.json(
      diagnoseUpload(files, Date.now(), takenAt ? Date.parse(takenAt) : undefined),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
