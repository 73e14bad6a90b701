// The text of a PDF as a reader's tool extracts it, for tests of generated documents.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
