import { findMyNumbers, type Span } from "../platform/mynumber.ts";

/**
 * 黒塗り for a disclosure (情報公開, 仕様 14): every character of personal data is replaced by ■, so
 * the document keeps its shape and the reader sees where something was withheld. What counts as
 * personal data: the names given (the contractor's people, anyone the officer adds), anything
 * that reads as a name with an honorific, e-mail addresses, telephone numbers, postal codes and
 * My Numbers.
 */
export const MASK = "■";

const PATTERNS: RegExp[] = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/gu,
  // Japanese telephone numbers: 0 then 9–10 more digits, grouped by hyphens or not.
  /(?<!\d)0\d{1,4}[-‐－ー(（]?\d{1,4}[-‐－ー)）]?\d{3,4}(?!\d)/gu,
  /(?<![\d-])\d{3}[-‐－]\d{4}(?![\d-])/gu,
  // A name before an honorific: 山田様, ヤマダさん, 太郎氏. Words for a role are not names.
  /[\p{Script=Han}\p{Script=Katakana}ー]{1,8}(?=(さん|様|さま|氏|殿))/gu,
];
const NOT_NAMES = new Set([
  "皆",
  "お客",
  "客",
  "利用者",
  "来庁者",
  "市民",
  "職員",
  "担当者",
  "申請者",
  "本人",
  "代理人",
  "各位",
  "同",
]);

export interface Masker {
  (text: string): string;
  /** How many separate passages were withheld so far. */
  readonly count: number;
}

/** A masker for one disclosure: names longest first, so a full name is withheld as one passage. */
export function masker(terms: Iterable<string>): Masker {
  const names = [...new Set([...terms].map((t) => t.trim()).filter((t) => t.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  let count = 0;
  const mask = (text: string): string => {
    const spans: Span[] = findMyNumbers(text);
    for (const name of names) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
        spans.push({ start: at, end: at + name.length });
    }
    for (const pattern of PATTERNS)
      for (const m of text.matchAll(pattern)) {
        if (NOT_NAMES.has(m[0]) || m[0].endsWith("お客")) continue;
        spans.push({ start: m.index, end: m.index + m[0].length });
      }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a.start - b.start);
    let result = "";
    let at = 0;
    for (const s of spans) {
      if (s.end <= at) continue;
      if (s.start >= at) {
        count++;
        result += text.slice(at, s.start);
        at = s.start;
      }
      result += MASK.repeat(s.end - at);
      at = s.end;
    }
    return result + text.slice(at);
  };
  return Object.defineProperty(mask, "count", { get: () => count }) as Masker;
}

/** Every string inside a value masked (keys and numbers as they are): a whole document at once. */
export function maskDeep<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === "string") return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, mask)) as T;
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, mask)])) as T;
  return value;
}
