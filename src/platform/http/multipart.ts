import type { MultipartFile, MultipartValue } from '@fastify/multipart';

/** Reads a multipart form (attached to the body): its text fields and its one file, if any. */
export async function readMultipart(
  body: unknown,
): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Buffer } | null }> {
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  if (!body || typeof body !== 'object') return { fields, file };
  for (const [key, part] of Object.entries(body as Record<string, MultipartFile | MultipartValue | undefined>)) {
    if (!part || typeof part !== 'object') continue;
    if ('file' in part && part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.filename) file = { name: part.filename, bytes };
    } else if ('value' in part && typeof part.value === 'string') {
      fields[key] = part.value;
    }
  }
  return { fields, file };
}
