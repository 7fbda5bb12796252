import fs from "node:fs";
import { createRequire } from "node:module";
// fontkit 1.9 (upstream), not the @pdf-lib fork: the fork corrupts TrueType subsets (short
// `loca` offsets), which blanks many kanji; upstream fixed it in 1.8.
import fontkit from "fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";

/**
 * PDF documents in Japanese (体制図, 名札, reports): pdf-lib with Noto Sans JP, embedded as a
 * subset so a one-page chart stays a few kilobytes.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
} as const;

// The font files are ~5 MB each: read once per process.
const fontBytes = new Map<string, Uint8Array>();
function bytesOf(weight: keyof typeof FONT_FILES): Uint8Array {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(require.resolve(FONT_FILES[weight]));
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

export const A4 = { width: 595.28, height: 841.89 } as const;
export const mm = (value: number) => (value * 72) / 25.4;

export interface JapaneseDocument {
  doc: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
}

export async function newJapaneseDocument(title: string): Promise<JapaneseDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  doc.setTitle(title);
  doc.setLanguage("ja-JP");
  doc.setProducer("madoguchi");
  doc.setCreator("madoguchi");
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytesOf("regular"), { subset: true }),
    doc.embedFont(bytesOf("bold"), { subset: true }),
  ]);
  return { doc, regular, bold };
}

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.38, 0.42);
export const RULE = rgb(0.55, 0.55, 0.6);

/** Text shrunk until it fits `maxWidth`, never below `minSize`. */
export function fittedSize(
  font: PDFFont,
  text: string,
  size: number,
  maxWidth: number,
  minSize = 6,
) {
  let s = size;
  while (s > minSize && font.widthOfTextAtSize(text, s) > maxWidth) s -= 0.5;
  return s;
}

export function centredText(
  page: PDFPage,
  text: string,
  opts: {
    font: PDFFont;
    size: number;
    cx: number;
    y: number;
    maxWidth: number;
    color?: ReturnType<typeof rgb>;
  },
) {
  const size = fittedSize(opts.font, text, opts.size, opts.maxWidth);
  const width = opts.font.widthOfTextAtSize(text, size);
  page.drawText(text, {
    x: opts.cx - width / 2,
    y: opts.y,
    size,
    font: opts.font,
    color: opts.color ?? INK,
  });
}
