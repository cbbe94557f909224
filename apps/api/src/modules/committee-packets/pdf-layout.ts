import { createRequire } from 'node:module';

/** The committee packet's page layout on pdfkit: fonts, colours, and the text and table primitives its sections are drawn with. */
export type Doc = PDFKit.PDFDocument;

/**
 * DejaVu Sans (dejavu-fonts-ttf, pinned): the PDF standard fonts cover WinAnsi only, so a name such
 * as "Łukasz" or "Zoë Chen-Ngô" would come out mangled. The fonts are embedded as subsets.
 */
const require = createRequire(import.meta.url);
export const FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
} as const;

export const INK = '#1b1f24';
export const MUTED = '#57606a';
export const ACCENT = '#1f3a5f';
export const DANGER = '#a40e26';
export const RULE = '#d0d7de';
export const BODY_SIZE = 9.5;
export const MARGIN = { top: 64, bottom: 56, left: 56, right: 56 };

export const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const left = (doc: Doc) => doc.page.margins.left;
export const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one (keeps a heading with what follows). */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

export function body(doc: Doc, color = INK) {
  return doc.font('body').fontSize(BODY_SIZE).fillColor(color);
}

export function heading(doc: Doc, text: string) {
  ensureSpace(doc, 90);
  doc.moveDown(0.8);
  doc
    .font('bold')
    .fontSize(14)
    .fillColor(ACCENT)
    .text(text, left(doc), doc.y, { width: width(doc) });
  const y = doc.y + 2;
  doc
    .moveTo(left(doc), y)
    .lineTo(left(doc) + width(doc), y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.y = y + 6;
}

export function subheading(doc: Doc, text: string, color = INK) {
  ensureSpace(doc, 50);
  doc.moveDown(0.4);
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(color)
    .text(text, left(doc), doc.y, { width: width(doc) });
  doc.moveDown(0.2);
}

export function para(doc: Doc, text: string, options: { color?: string; indent?: number; italic?: boolean } = {}) {
  const x = left(doc) + (options.indent ?? 0);
  (options.italic
    ? doc
        .font('italic')
        .fontSize(BODY_SIZE)
        .fillColor(options.color ?? INK)
    : body(doc, options.color)
  ).text(text, x, doc.y, { width: width(doc) - (options.indent ?? 0), lineGap: 2 });
  doc.moveDown(0.3);
}

export function bullet(doc: Doc, text: string, indent = 0, color = INK) {
  const x = left(doc) + indent;
  body(doc, color);
  ensureSpace(doc, doc.currentLineHeight(true) * 2);
  const y = doc.y;
  doc.text('•', x, y, { width: 10, lineBreak: false });
  doc.text(text, x + 12, y, { width: width(doc) - indent - 12, lineGap: 2 });
  doc.moveDown(0.15);
}

/** A label and its value side by side; the value wraps in its own column. */
export function field(doc: Doc, label: string, value: string, labelWidth = 150) {
  const w = width(doc);
  doc.font('bold').fontSize(BODY_SIZE);
  const lh = doc.heightOfString(label, { width: labelWidth - 8 });
  body(doc);
  const vh = doc.heightOfString(value, { width: w - labelWidth, lineGap: 2 });
  ensureSpace(doc, Math.max(lh, vh));
  const y = doc.y;
  doc
    .font('bold')
    .fontSize(BODY_SIZE)
    .fillColor(MUTED)
    .text(label, left(doc), y, { width: labelWidth - 8 });
  body(doc).text(value, left(doc) + labelWidth, y, { width: w - labelWidth, lineGap: 2 });
  doc.y = y + Math.max(lh, vh) + 4;
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A simple table: a bold header row, then rows whose height is their tallest cell; the header repeats on a new page. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly { cells: string[]; color?: string }[]) {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const scale = width(doc) / total;
  const widths = columns.map((c) => c.width * scale);
  const drawRow = (cells: readonly string[], font: 'body' | 'bold', color: string) => {
    doc.font(font).fontSize(BODY_SIZE - 0.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }));
    const h = Math.max(...heights) + 5;
    const fresh = doc.y + h > bottomLimit(doc);
    if (fresh) doc.addPage();
    const y = doc.y;
    let x = left(doc);
    cells.forEach((c, i) => {
      doc
        .font(font)
        .fontSize(BODY_SIZE - 0.5)
        .fillColor(color)
        .text(c, x + 3, y + 2, {
          width: widths[i]! - 6,
          align: columns[i]!.align ?? 'left',
        });
      x += widths[i]!;
    });
    doc
      .moveTo(left(doc), y + h)
      .lineTo(left(doc) + width(doc), y + h)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + h;
    return fresh;
  };
  const header = columns.map((c) => c.title);
  // The header never ends a page alone: it needs room for itself and a first row.
  ensureSpace(doc, 64);
  drawRow(header, 'bold', MUTED);
  for (const r of rows) {
    doc.font('body').fontSize(BODY_SIZE - 0.5);
    const h = Math.max(...r.cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }))) + 5;
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      drawRow(header, 'bold', MUTED);
    }
    drawRow(r.cells, 'body', r.color ?? INK);
  }
  doc.x = left(doc);
  doc.moveDown(0.5);
}
