import type { PDFFont, PDFPage } from "pdf-lib";
import {
  A4,
  fittedSize,
  INK,
  type JapaneseDocument,
  MUTED,
  mm,
  newJapaneseDocument,
  RULE,
} from "./pdf.ts";

/**
 * A document that flows down A4 pages (reports, invoices): headings, wrapped paragraphs and
 * tables, a new page whenever the next thing does not fit, each page numbered "n / N" at its foot.
 */
export interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: "left" | "right";
}

const MARGIN = mm(16);
const BOTTOM = mm(18);

export class FlowDocument {
  private page!: PDFPage;
  private y = 0;
  readonly width = A4.width - 2 * MARGIN;

  private constructor(
    readonly doc: JapaneseDocument,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  static async create(title: string, footer: string): Promise<FlowDocument> {
    return new FlowDocument(await newJapaneseDocument(title), footer);
  }

  private newPage() {
    this.page = this.doc.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - mm(18);
  }

  /** Room for `height` points on this page, or a new page. */
  private room(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  title(text: string, sub?: string) {
    const { bold, regular } = this.doc;
    const size = fittedSize(bold, text, 16, this.width);
    this.page.drawText(text, {
      x: A4.width / 2 - bold.widthOfTextAtSize(text, size) / 2,
      y: this.y - size,
      size,
      font: bold,
      color: INK,
    });
    this.y -= size + 8;
    if (sub) {
      this.page.drawText(sub, {
        x: A4.width / 2 - regular.widthOfTextAtSize(sub, 9.5) / 2,
        y: this.y - 9.5,
        size: 9.5,
        font: regular,
        color: MUTED,
      });
      this.y -= 9.5 + 10;
    }
  }

  heading(text: string) {
    this.room(40);
    this.y -= 8;
    this.page.drawText(text, { x: MARGIN, y: this.y - 11, size: 11, font: this.doc.bold });
    this.y -= 11 + 3;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + this.width, y: this.y },
      thickness: 0.8,
      color: RULE,
    });
    this.y -= 6;
  }

  paragraph(text: string, size = 9.5) {
    for (const line of wrap(this.doc.regular, text, size, this.width)) {
      this.room(size + 4);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font: this.doc.regular });
      this.y -= size + 4;
    }
  }

  /** Label–value lines, two columns wide. */
  pairs(items: [string, string][], size = 9.5) {
    for (const [label, value] of items) {
      this.room(size + 5);
      this.page.drawText(label, {
        x: MARGIN,
        y: this.y - size,
        size,
        font: this.doc.regular,
        color: MUTED,
      });
      // A long value wraps under itself rather than shrinking out of legibility.
      const lines = wrap(this.doc.regular, value, size, this.width * 0.65);
      lines.forEach((line, i) => {
        if (i > 0) this.room(size + 3);
        this.page.drawText(line, {
          x: MARGIN + this.width * 0.35,
          y: this.y - size,
          size,
          font: this.doc.regular,
        });
        this.y -= size + (i === lines.length - 1 ? 5 : 3);
      });
    }
  }

  /** A table; its heading row is drawn again at the top of each page it continues on. */
  table(columns: Column[], rows: string[][], options: { size?: number; boldLast?: boolean } = {}) {
    const size = options.size ?? 8.5;
    const rowHeight = size + 6;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const xs: number[] = [];
    let x = MARGIN;
    for (const c of columns) {
      xs.push(x);
      x += (c.width / total) * this.width;
    }
    const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
      if (shade)
        this.page.drawRectangle({
          x: MARGIN,
          y: this.y - rowHeight,
          width: this.width,
          height: rowHeight,
          color: RULE,
          opacity: 0.15,
        });
      cells.forEach((cell, i) => {
        const w = (columns[i]!.width / total) * this.width - 4;
        const s = fittedSize(font, cell, size, w, 5);
        const tx =
          columns[i]!.align === "right" ? xs[i]! + w - font.widthOfTextAtSize(cell, s) : xs[i]! + 2;
        this.page.drawText(cell, { x: tx, y: this.y - size - 2, size: s, font, color: INK });
      });
      this.y -= rowHeight;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + this.width, y: this.y },
        thickness: 0.4,
        color: RULE,
      });
    };
    const header = () =>
      drawRow(
        columns.map((c) => c.title),
        this.doc.bold,
        true,
      );
    this.room(rowHeight * 2);
    header();
    rows.forEach((row, i) => {
      if (this.y - rowHeight < BOTTOM) {
        this.newPage();
        header();
      }
      const last = options.boldLast && i === rows.length - 1;
      drawRow(row, last ? this.doc.bold : this.doc.regular, false);
    });
    this.y -= 4;
  }

  space(points: number) {
    this.y -= points;
  }

  /** Numbers every page and returns the file. */
  async save(): Promise<Uint8Array> {
    const pages = this.doc.doc.getPages();
    pages.forEach((page, i) => {
      const text = `${this.footer}　${i + 1} / ${pages.length}`;
      const size = 8;
      page.drawText(text, {
        x: A4.width / 2 - this.doc.regular.widthOfTextAtSize(text, size) / 2,
        y: mm(9),
        size,
        font: this.doc.regular,
        color: MUTED,
      });
    });
    return this.doc.doc.save();
  }
}

/** Lines of at most `width`, broken between characters (Japanese has no spaces to break at). */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const ch of paragraph) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = "";
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}
