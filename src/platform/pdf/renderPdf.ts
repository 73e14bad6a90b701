import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as parseFont, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';

export type PdfBlock =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string } // may contain '\n' for line breaks
  | { type: 'list'; items: string[] }
  | { type: 'table'; caption?: string; header: string[]; rows: string[][]; align?: ('left' | 'right')[] };

export interface PdfDocumentSpec {
  lang: string; // BCP 47, e.g. 'fr-BE', 'nl-BE', 'en'
  title: string; // shown in the viewer's title bar
  author?: string;
  subject?: string;
  createdAt: Date; // CreationDate and ModDate, so the same spec gives the same bytes
  letterhead?: string[]; // sender lines at the top of the first page
  /** The sender's logo (PNG or JPEG) above the letterhead, with the text a screen reader says for it. */
  logo?: { image: Buffer; alt: string };
  blocks: PdfBlock[];
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// Noto Sans (SIL OFL 1.1) comes from an npm package and is found from this module, not the cwd. It has a glyph
// for every character French and Dutch letters need, U+202F and U+00A0 of Intl's "56 904,00 €" included, so
// nothing is substituted before drawing.
const require = createRequire(import.meta.url);
const FONT = { regular: 'regular', bold: 'bold' } as const;
const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};
// Parsed once for the process: given a path, pdfkit parses the font again for every document, and measuring
// words then decodes its OpenType tables anew; that was most of the time a letter took (a decision renders one
// per applicant). Each document still embeds its own subset.
let parsed: Record<keyof typeof FONT, Font> | undefined;
/** The two faces, for a new document. */
function fontFaces() {
  parsed ??= {
    regular: parseFont(readFileSync(FONT_FILES.regular)) as Font,
    bold: parseFont(readFileSync(FONT_FILES.bold)) as Font,
  };
  // fontkit keeps each glyph with the characters it was first asked for, and the text a reader copies out of
  // the PDF comes from them. Embedding "É" asks for the "E" it is drawn from with no character: kept across
  // documents, the next letter's "E" would copy as nothing. A document starts with no glyph kept, as when it
  // parsed the font itself; the decoded tables, the costly part, stay. (Drawing a document never awaits, so
  // two never share the glyphs.)
  for (const face of Object.values(parsed)) (face as unknown as { _glyphs: object })._glyphs = {};
  return parsed;
}
/** pdfkit takes a parsed fontkit font wherever it takes a font file's path; its types do not say so. */
const asFontSource = (face: Font) => face as unknown as string;

const MARGINS = { top: 57, bottom: 71, left: 64, right: 64 }; // A4 points; the bottom one holds the footer
const SIZE = { body: 10.5, h1: 16, h2: 12.5, small: 8.5 };
const GAP = 8; // after each block
const CELL_PADDING = 4;
const RULE_COLOUR = '#9a9a9a';

/**
 * Renders an A4, tagged PDF (PDF/UA-minded: every text in the structure tree, decoration marked as artifact) from
 * already-translated blocks. The same spec gives the same bytes: dates come from the spec and pdfkit derives the
 * trailer ID from the document info.
 */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const faces = fontFaces();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    lang: spec.lang,
    displayTitle: true,
    bufferPages: true, // the footer's "n / total" is known only once every page exists
    font: asFontSource(faces.regular),
    info: {
      Title: spec.title,
      ...(spec.author === undefined ? {} : { Author: spec.author }),
      ...(spec.subject === undefined ? {} : { Subject: spec.subject }),
      CreationDate: spec.createdAt,
      ModDate: spec.createdAt,
    },
  });
  escapeXmpInfo(doc);
  for (const [name, face] of Object.entries(faces)) doc.registerFont(name, asFontSource(face));
  const bytes = collect(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  if (spec.logo) drawLogo(doc, root, spec.logo);
  if (spec.letterhead?.length) drawLetterhead(doc, root, spec.letterhead);
  for (const block of spec.blocks) drawBlock(doc, root, block);
  root.end();
  drawFooters(doc);
  doc.end();
  return bytes;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * pdfkit 0.20 copies the info strings into the XMP packet unescaped: a project called « Code & Café » would make
 * the packet malformed XML, and a viewer that takes the title from XMP would show it wrong. They are escaped for
 * that one step; the Info dictionary keeps them as they are.
 */
function escapeXmpInfo(doc: Doc) {
  const internals = doc as Doc & { _addInfo(): void };
  const addInfo = internals._addInfo;
  const escape = (value: unknown) =>
    typeof value === 'string' ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : value;
  internals._addInfo = () => {
    const info = doc.info;
    doc.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, escape(value)]));
    try {
      addInfo.call(doc);
    } finally {
      doc.info = info;
    }
  };
}

const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;

/** Draws inside a structure element of the given type; the parent must already be in the tree. */
function tag(
  doc: Doc,
  parent: Struct,
  type: string,
  draw: () => void,
  options: PDFKit.Mixins.StructureElementOptions = {},
) {
  parent.add(doc.struct(type, options, draw));
}

function artifact(doc: Doc, type: 'Pagination' | 'Layout', draw: () => void) {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** Starts a new page unless `height` still fits, so a heading or a table row is never left cut or alone. */
function keepTogether(doc: Doc, height: number) {
  if (doc.y + height > doc.page.maxY() && doc.y > MARGINS.top) doc.addPage();
}

function rule(doc: Doc, y: number, width = 0.5) {
  artifact(doc, 'Layout', () => {
    doc
      .moveTo(MARGINS.left, y)
      .lineTo(MARGINS.left + contentWidth(doc), y)
      .lineWidth(width)
      .strokeColor(RULE_COLOUR)
      .stroke();
  });
}

const LOGO_BOX = { width: 160, height: 48 }; // points: a logo never takes more than two lines of letterhead

function drawLogo(doc: Doc, root: Struct, logo: NonNullable<PdfDocumentSpec['logo']>) {
  // Drawn in the flow (at doc.y), pdfkit moves doc.y below the image as scaled to fit the box.
  const fit: [number, number] = [LOGO_BOX.width, LOGO_BOX.height];
  tag(doc, root, 'Figure', () => doc.image(logo.image, MARGINS.left, doc.y, { fit }), { alt: logo.alt });
  doc.y += GAP / 2;
}

function drawLetterhead(doc: Doc, root: Struct, lines: string[]) {
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor('black');
  tag(doc, root, 'P', () => doc.text(lines.join('\n'), MARGINS.left, doc.y, { width: contentWidth(doc) }));
  doc.y += GAP / 2;
  rule(doc, doc.y);
  doc.y += 2 * GAP;
}

function drawBlock(doc: Doc, root: Struct, block: PdfBlock) {
  const width = contentWidth(doc);
  switch (block.type) {
    case 'heading': {
      const bodyLines = 3 * doc.font(FONT.regular).fontSize(SIZE.body).currentLineHeight(true);
      doc.font(FONT.bold).fontSize(block.level === 1 ? SIZE.h1 : SIZE.h2);
      if (doc.y > MARGINS.top) doc.y += GAP / 2;
      keepTogether(doc, doc.heightOfString(block.text, { width }) + bodyLines);
      tag(doc, root, `H${block.level}`, () => doc.text(block.text, MARGINS.left, doc.y, { width }));
      doc.y += GAP / 2;
      return;
    }
    case 'paragraph':
      doc.font(FONT.regular).fontSize(SIZE.body);
      tag(doc, root, 'P', () => doc.text(block.text, MARGINS.left, doc.y, { width }));
      doc.y += GAP;
      return;
    case 'list':
      drawList(doc, root, block.items);
      return;
    case 'table':
      drawTable(doc, root, block);
      return;
  }
}

function drawList(doc: Doc, root: Struct, items: string[]) {
  const indent = 14;
  const list = doc.struct('L');
  root.add(list);
  doc.font(FONT.regular).fontSize(SIZE.body);
  for (const text of items) {
    keepTogether(doc, doc.currentLineHeight(true));
    const item = doc.struct('LI');
    list.add(item);
    const top = doc.y;
    tag(doc, item, 'Lbl', () => doc.text('•', MARGINS.left + 3, top, { lineBreak: false }));
    tag(doc, item, 'LBody', () => doc.text(text, MARGINS.left + indent, top, { width: contentWidth(doc) - indent }));
    item.end();
    doc.y += 2;
  }
  list.end();
  doc.y += GAP - 2;
}

type TableBlock = Extract<PdfBlock, { type: 'table' }>;

// pdfkit 0.20 writes a TH's Scope attribute, which PDF/UA asks for, but its type definitions do not know it yet.
const COLUMN_HEADER: PDFKit.Mixins.StructureElementOptions & { scope: 'Column' } = { scope: 'Column' };

function drawTable(doc: Doc, root: Struct, block: TableBlock) {
  if (block.rows.some((cells) => cells.length !== block.header.length)) {
    throw new Error(
      `PDF table "${block.caption ?? block.header.join(' | ')}": every row needs one cell per header column`,
    );
  }
  const widths = columnWidths(doc, block);
  const table = doc.struct('Table');
  root.add(table);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(SIZE.body);
    return (
      Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: (widths[i] ?? 0) - 2 * CELL_PADDING }))) +
      2 * CELL_PADDING
    );
  };
  const drawRow = (cells: string[], font: string, mark: (draw: () => void) => void) => {
    const top = doc.y;
    const height = rowHeight(cells, font);
    doc.font(font).fontSize(SIZE.body);
    let x = MARGINS.left;
    cells.forEach((text, i) => {
      const width = widths[i] ?? 0;
      const draw = () =>
        doc.text(text, x + CELL_PADDING, top + CELL_PADDING, {
          width: width - 2 * CELL_PADDING,
          align: block.align?.[i] ?? 'left',
        });
      mark(draw);
      x += width;
    });
    doc.y = top + height;
    rule(doc, doc.y, font === FONT.bold ? 1 : 0.3);
  };
  // On a later page the header is repeated for the eye only: the tree holds it once.
  const drawHeader = (first: boolean) => {
    if (!first) return drawRow(block.header, FONT.bold, (draw) => artifact(doc, 'Pagination', draw));
    const row = doc.struct('TR');
    table.add(row);
    drawRow(block.header, FONT.bold, (draw) => tag(doc, row, 'TH', draw, COLUMN_HEADER));
    row.end();
  };

  const caption = block.caption;
  const captionHeight = caption
    ? doc
        .font(FONT.regular)
        .fontSize(SIZE.body)
        .heightOfString(caption, { width: contentWidth(doc) }) +
      GAP / 2
    : 0;
  keepTogether(doc, captionHeight + rowHeight(block.header, FONT.bold) + rowHeight(block.rows[0] ?? [], FONT.regular));
  if (caption) {
    doc.font(FONT.regular).fontSize(SIZE.body);
    tag(doc, table, 'Caption', () => doc.text(caption, MARGINS.left, doc.y, { width: contentWidth(doc) }));
    doc.y += GAP / 2;
  }
  drawHeader(true);
  for (const cells of block.rows) {
    // A row taller than a whole page cannot be kept whole; pdfkit then carries its text onto the next page.
    if (doc.y + rowHeight(cells, FONT.regular) > doc.page.maxY()) {
      doc.addPage();
      drawHeader(false);
    }
    const row = doc.struct('TR');
    table.add(row);
    drawRow(cells, FONT.regular, (draw) => tag(doc, row, 'TD', draw));
    row.end();
  }
  table.end();
  doc.y += GAP;
}

/**
 * Shares the text width as an HTML table would: every column gets at least its longest unbreakable word (an
 * Intl amount, whose separators are no-break spaces, never wraps), then the rest in proportion to how much
 * wider its longest cell is.
 */
function columnWidths(doc: Doc, block: TableBlock): number[] {
  doc.fontSize(SIZE.body);
  const measure = (text: string, font: string, words: boolean) => {
    doc.font(font);
    // Only these break a line: \s would also split at U+00A0 and U+202F.
    const parts = words ? text.split(/[ \t\n]+/) : text.split('\n');
    return Math.max(...parts.map((part) => doc.widthOfString(part))) + 2 * CELL_PADDING;
  };
  const widest = (words: boolean) =>
    block.header.map((head, i) =>
      Math.max(measure(head, FONT.bold, words), ...block.rows.map((row) => measure(row[i] ?? '', FONT.regular, words))),
    );
  const min = widest(true);
  const max = widest(false);
  const available = contentWidth(doc);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(min) >= available) return min.map((w) => (w * available) / sum(min));
  const slack = max.map((w, i) => w - (min[i] ?? 0));
  const spare = available - sum(min);
  if (sum(slack) <= spare) return max.map((w) => w + ((available - sum(max)) * w) / sum(max));
  return min.map((w, i) => w + (spare * (slack[i] ?? 0)) / sum(slack));
}

function drawFooters(doc: Doc) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGINS.bottom + 24;
    artifact(doc, 'Pagination', () => {
      // A height keeps pdfkit from opening a new page for text written below the bottom margin.
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor('#555555');
      doc.text(`${i + 1 - start} / ${count}`, MARGINS.left, y, {
        width: contentWidth(doc),
        align: 'center',
        height: SIZE.small * 2,
      });
    });
  }
}
