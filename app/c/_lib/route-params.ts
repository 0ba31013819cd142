/** A route's params as Next.js passes them (still URL-encoded), decoded. */
export async function decodedParams<T extends Record<string, string>>(
  params: Promise<T>,
): Promise<T> {
  const encoded = await params;
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(encoded)) decoded[name] = decodeURIComponent(value);
  return decoded as T;
}
