/**
 * お名前（カタカナ）: the name field of a booking. Hiragana is turned into katakana and half-width
 * katakana into full-width (NFKC), spaces of any width become one space; what is left must be
 * katakana. Pure, and shared with the booking page so the person sees the conversion as they type.
 */
const HIRAGANA = /[\u3041-\u3096]/g;
const KATAKANA_NAME = /^[\u30A1-\u30FA\u30FC\u30FB]+( [\u30A1-\u30FA\u30FC\u30FB]+)*$/;

export function toKatakana(text: string): string {
  return text
    .normalize("NFKC")
    .replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

/** The name as stored (katakana, single spaces), or null when it is not a kana name. */
export function normaliseNameKana(text: string): string | null {
  const name = toKatakana(text);
  return name.length >= 1 && name.length <= 60 && KATAKANA_NAME.test(name) ? name : null;
}
