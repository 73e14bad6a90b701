// The text of a PDF as a reader's tool extracts it, for tests of generated documents.
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
