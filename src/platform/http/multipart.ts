import type { MultipartFile, MultipartValue } from '@fastify/multipart';

type Part = MultipartFile | MultipartValue;

/** Reads a multipart form (attached to the body): its text fields and its one file, if any. */
export async function readMultipart(
  body: unknown,
): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Buffer } | null }> {
  const { fields, files } = await readFormParts(body);
  const single = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? (v[v.length - 1] ?? '') : v]),
  );
  const file = files[0] ? { name: files[0].name, bytes: files[0].bytes } : null;
  return { fields: single, file };
}

/** A file chosen in a form's file input (an input left empty sends none). */
export interface UploadedFile {
  /** The input's name. */
  field: string;
  name: string;
  bytes: Buffer;
}

/**
 * Reads a form sent either way: urlencoded (as is, no files) or multipart (attached to the body),
 * with repeated names (ticked checkboxes) as lists, as the urlencoded parser gives them, and every
 * file chosen, by its input's name. So one form can carry a section's answers and its files together.
 */
export async function readFormParts(
  body: unknown,
): Promise<{ fields: Record<string, string | string[]>; files: UploadedFile[] }> {
  const fields: Record<string, string | string[]> = {};
  const files: UploadedFile[] = [];
  if (!body || typeof body !== 'object') return { fields, files };
  for (const [key, entry] of Object.entries(body as Record<string, unknown>)) {
    if (typeof entry === 'string') {
      fields[key] = entry;
      continue;
    }
    if (Array.isArray(entry) && entry.every((v) => typeof v === 'string')) {
      fields[key] = entry as string[];
      continue;
    }
    const parts = (Array.isArray(entry) ? entry : [entry]) as (Part | undefined)[];
    const values: string[] = [];
    for (const part of parts) {
      if (!part || typeof part !== 'object') continue;
      if ('file' in part && part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename) files.push({ field: key, name: part.filename, bytes });
      } else if ('value' in part && typeof part.value === 'string') {
        values.push(part.value);
      }
    }
    if (values.length) fields[key] = values.length === 1 ? values[0]! : values;
  }
  return { fields, files };
}
