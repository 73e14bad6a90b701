// The text of a PDF as a reader's tool extracts it, for tests of generated documents.
import assert from 'node:assert/strict';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text, joined; pdf.js gives no-break spaces as plain spaces. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
  }
  await doc.destroy();
  return text;
}

/** The figures of a PDF's first page: the text a screen reader says for each image drawn there. */
export async function pdfFigures(bytes: Buffer): Promise<{ drawn: number; alts: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const page = await doc.getPage(1);
  const drawn = (await page.getOperatorList()).fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
  const alts: string[] = [];
  const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
    if (node.role === 'Figure') alts.push(node.alt ?? '');
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk((await page.getStructTree()) ?? {});
  await doc.destroy();
  return { drawn, alts };
}

/** Asserts what every PDF Octroi writes must be: tagged (for screen readers), every font embedded. */
export async function assertTaggedPdf(bytes: Buffer): Promise<void> {
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  assert.equal(((await doc.getMarkInfo()) as { Marked?: boolean } | null)?.Marked, true, 'tagged');
  await doc.destroy();
  const raw = bytes.toString('latin1');
  assert.ok(raw.includes('/FontFile2'), 'fonts embedded');
  assert.ok(!/\/Subtype \/Type1\b/.test(raw), 'no standard font left unembedded');
}
