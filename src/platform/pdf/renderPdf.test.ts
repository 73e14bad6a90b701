import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPdf, type PdfBlock, type PdfDocumentSpec } from './renderPdf.ts';
import { SAMPLE_PNG } from '../../../test/helpers/samples.ts';

const eur = new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }).format;
const amount = eur(56904); // "56 904,00 €" with U+202F and U+00A0

const letter: PdfDocumentSpec = {
  lang: 'fr-BE',
  title: 'Décision d’octroi – projet « Connecté »',
  author: 'Fondation pour l’inclusion numérique',
  subject: 'Appel à projets 2025',
  createdAt: new Date('2025-03-01T10:00:00Z'),
  letterhead: ['Fondation pour l’inclusion numérique', 'Rue de la Loi 16, 1000 Bruxelles'],
  blocks: [
    { type: 'heading', level: 1, text: 'Décision d’octroi' },
    {
      type: 'paragraph',
      text: `Madame, Monsieur,\nLe jury vous accorde une subvention de ${amount} pour « Connecté ».`,
    },
    { type: 'heading', level: 2, text: 'Conditions à respecter' },
    { type: 'list', items: ['Rapport intermédiaire après six mois', 'Rapport final – au plus tard le 31 janvier'] },
    {
      type: 'table',
      caption: 'Budget accordé',
      header: ['Poste', 'Montant'],
      rows: [
        ['Ordinateurs reconditionnés', eur(40000)],
        ['Formation des bénévoles', eur(16904)],
      ],
      align: ['left', 'right'],
    },
    {
      type: 'paragraph',
      text: 'Veuillez agréer nos salutations distinguées. Où êtes-vous ? Ça, c’est noël : ï, ô, û, ë.',
    },
  ],
};

interface ReadPage {
  text: string; // as a reader's copy-and-paste gives it: pdf.js folds U+00A0 and U+202F into plain spaces
  drawn: string; // the exact characters of the glyphs drawn, from the font's ToUnicode map
  missingGlyphs: number; // drawn as the font's .notdef box: pdfkit gives a character the font lacks code 0
  artifactText: string;
  roles: string[];
  fonts: { name: string; embedded: boolean }[];
  lines: { x: number; width: number }[];
}

async function open(bytes: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes) }).promise;
}

async function readPage(page: PDFPageProxy): Promise<ReadPage> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  let text = '';
  let artifactText = '';
  let inArtifact = false;
  const lines: ReadPage['lines'] = [];
  for (const item of content.items) {
    if ('str' in item) {
      text += item.str + (item.hasEOL ? '\n' : '');
      if (inArtifact) artifactText += item.str;
      if (item.str.trim()) lines.push({ x: item.transform[4] as number, width: item.width });
    } else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
      inArtifact = 'tag' in item && item.tag === 'Artifact'; // pdf.js sends the tag; its types do not say so
    } else {
      inArtifact = false;
    }
  }
  const operators = await page.getOperatorList();
  let drawn = '';
  let missingGlyphs = 0;
  const fontIds = new Set<string>();
  operators.fnArray.forEach((fn, i) => {
    const args = operators.argsArray[i];
    if (fn === OPS.setFont) fontIds.add(args[0]);
    if (fn !== OPS.showText) return;
    for (const glyph of args[0]) {
      if (typeof glyph === 'number') continue; // a kerning adjustment
      drawn += glyph.unicode;
      if (glyph.originalCharCode === 0) missingGlyphs++;
    }
    drawn += '\n';
  });
  const fonts = [...fontIds].map((id) => {
    const font = page.commonObjs.get(id);
    return { name: font.name as string, embedded: font.missingFile === false };
  });
  // pdf.js gives every page the whole tree; keep the elements with content on this page, in tree order.
  const roles: string[] = [];
  const walk = (node: { role?: string; type?: string; children?: unknown[] }): boolean => {
    if (node.type === 'content') return true;
    const at = roles.push(node.role ?? '') - 1;
    const hasContent = (node.children ?? []).map((child) => walk(child as typeof node)).some(Boolean);
    if (!hasContent) roles.splice(at);
    return hasContent;
  };
  walk((await page.getStructTree()) ?? {});
  return { text, drawn, missingGlyphs, artifactText, roles, fonts, lines };
}

async function readAll(bytes: Buffer) {
  const pdf = await open(bytes);
  const pages: ReadPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) pages.push(await readPage(await pdf.getPage(n)));
  return { pdf, pages, text: pages.map((p) => p.text).join('\n') };
}

function assertInOrder(text: string, parts: string[]) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    assert.ok(at >= 0, `"${part}" after position ${from} in:\n${text}`);
    from = at + part.length;
  }
}

test('the letter reads in order, with Intl’s amount as it was formatted', async () => {
  const { pages, text } = await readAll(await renderPdf(letter));
  assert.equal(pages.length, 1);
  const page = pages[0]!;
  assert.ok(page.drawn.includes(amount), 'U+202F and U+00A0 are drawn as such, not replaced');
  assert.ok(text.includes(amount.replace(/[\u00a0\u202f]/g, ' ')));
  assertInOrder(text, [
    'Fondation pour l’inclusion numérique',
    'Décision d’octroi',
    'Madame, Monsieur,',
    'Conditions à respecter',
    'Rapport intermédiaire après six mois',
    'Rapport final – au plus tard le 31 janvier',
    'Budget accordé',
    'Poste',
    'Montant',
    'Ordinateurs reconditionnés',
    eur(40000).replace(/[\u00a0\u202f]/g, ' '),
    'Formation des bénévoles',
    'Veuillez agréer',
    'Ça, c’est noël : ï, ô, û, ë.',
  ]);
  assert.equal(page.artifactText, '1 / 1', 'the page number is an artifact, outside the structure');
});

test('a letter after one that drew "É" still reads its "E" (the font is parsed once for every document)', async () => {
  const about = (project: string): PdfDocumentSpec => ({
    ...letter,
    blocks: [
      { type: 'heading', level: 1, text: `Décision – ${project}` },
      { type: 'paragraph', text: `Votre projet « ${project} » est retenu.` },
    ],
  });
  await renderPdf(about('Écrans partagés'));
  const { text } = await readAll(await renderPdf(about('Ensemble, Tous Connectés')));
  assertInOrder(text, ['Décision – Ensemble, Tous Connectés', 'Votre projet « Ensemble, Tous Connectés » est retenu.']);
});

test('metadata: language, title shown by the viewer, author, subject, PDF 1.7, marked as tagged', async () => {
  const pdf = await open(await renderPdf({ ...letter, lang: 'nl-BE' }));
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  assert.equal(info.Language, 'nl-BE');
  assert.equal(info.Title, letter.title);
  assert.equal(info.Author, letter.author);
  assert.equal(info.Subject, letter.subject);
  assert.equal(info.PDFFormatVersion, '1.7');
  assert.equal(info.CreationDate, 'D:20250301100000Z');
  assert.deepEqual(await pdf.getViewerPreferences(), { DisplayDocTitle: true });
  assert.equal(((await pdf.getMarkInfo()) as { Marked?: boolean } | null)?.Marked, true);
});

test('a title with & and < reaches the XMP packet intact, as viewers that read it there show it', async () => {
  const title = 'Décision – projet « Code & Café » <pilote>';
  const pdf = await open(await renderPdf({ ...letter, title, author: 'Smith & Fils' }));
  const { info, metadata } = await pdf.getMetadata();
  assert.equal((info as Record<string, unknown>).Title, title);
  assert.equal(metadata.get('dc:title'), title);
  assert.deepEqual(metadata.get('dc:creator'), ['Smith & Fils']);
});

test('the structure tree gives headings, paragraphs, list and table their roles, in reading order', async () => {
  const { pages } = await readAll(await renderPdf(letter));
  const roles = pages[0]!.roles;
  assert.deepEqual(
    roles.filter((role) => role !== 'Root'),
    [
      'Document',
      'P',
      'H1',
      'P',
      'H2',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'Caption',
      'TR',
      'TH',
      'TH',
      'TR',
      'TD',
      'TD',
      'TR',
      'TD',
      'TD',
      'P',
    ],
  );
});

test('the text is drawn with embedded Noto Sans, regular and bold, and every glyph is in it', async () => {
  const { pages } = await readAll(await renderPdf(letter));
  const page = pages[0]!;
  assert.deepEqual(page.fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort(), [
    'NotoSans-Bold',
    'NotoSans-Regular',
  ]);
  assert.ok(page.fonts.every((font) => font.embedded));
  assert.equal(page.missingGlyphs, 0);
});

test('a table of 80 rows runs over several pages, each row whole, the header repeated for the eye only', async () => {
  const rows = Array.from({ length: 80 }, (_, i) => [`Ligne ${i + 1} : matériel et formation`, eur(1000 + i * 12.5)]);
  const { pages, text } = await readAll(
    await renderPdf({
      ...letter,
      blocks: [{ type: 'table', header: ['Poste', 'Montant'], rows, align: ['left', 'right'] }],
    }),
  );
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  assertInOrder(
    text,
    rows.flat().map((cell) => cell.replace(/[\u00a0\u202f]/g, ' ')),
  );
  for (const [label, value] of rows) {
    const page = pages.find((p) => p.drawn.includes(`${label}\n`));
    assert.ok(page?.drawn.includes(value!), `${label} and its amount on the same page`);
  }
  pages.forEach((page, i) => {
    assert.ok(page.text.startsWith('Poste') || i === 0, `page ${i + 1} starts with the header`);
    assert.equal(page.artifactText.slice(-`${i + 1} / ${pages.length}`.length), `${i + 1} / ${pages.length}`);
  });
  const all = pages.flatMap((page) => page.roles);
  assert.equal(all.filter((role) => role === 'TH').length, 2, 'one header row in the structure');
  assert.equal(all.filter((role) => role === 'TD').length, 160);
});

test('a row with a cell too many or too few is refused rather than drawn askew', async () => {
  const table: PdfBlock = { type: 'table', header: ['Poste', 'Montant'], rows: [['Ordinateurs']] };
  await assert.rejects(renderPdf({ ...letter, blocks: [table] }), /one cell per header column/);
});

test('long text wraps inside the margins', async () => {
  const long = 'Le projet vise à réduire la fracture numérique dans les quartiers. '.repeat(40);
  const { pages, text } = await readAll(
    await renderPdf({ ...letter, letterhead: [], blocks: [{ type: 'paragraph', text: long }] }),
  );
  assert.equal(text.replace(/\s+/g, ' ').trim().split('Le projet').length - 1, 40);
  for (const { x, width } of pages.flatMap((page) => page.lines)) {
    assert.ok(x >= 60 && x + width <= 595.28 - 60, `a line from ${x} to ${x + width}`);
  }
});

test('the same spec gives the same bytes', async () => {
  const [first, second] = await Promise.all([renderPdf(letter), renderPdf(letter)]);
  assert.ok(first.equals(second));
});

test('a logo heads the letter as a figure with its text, before the letterhead', async () => {
  const bytes = await renderPdf({
    ...letter,
    logo: { image: SAMPLE_PNG, alt: 'Fondation pour l’inclusion numérique' },
  });
  const page = await (await open(bytes)).getPage(1);
  const ops = await page.getOperatorList();
  assert.ok(ops.fnArray.includes(OPS.paintImageXObject), 'the image is drawn');
  const roles = (await readPage(page)).roles.filter((role) => role !== 'Root');
  assert.deepEqual(roles.slice(0, 4), ['Document', 'Figure', 'P', 'H1']);
  const tree = JSON.stringify(await page.getStructTree());
  assert.match(tree, /"alt":"Fondation pour l’inclusion numérique"/);
});
