/**
 * The My Number guard (個人番号の検出). madoguchi never stores, logs or echoes a My Number, so
 * every input is screened with this before anything else looks at it.
 *
 * The screen sees a number in whatever clothes it comes: each character is NFKC-normalised
 * (full-width digits, circled digits), any Unicode decimal digit counts as its value (Arabic-Indic,
 * Devanagari…), and any run of separators between digits — spaces of every kind, zero-width
 * characters, hyphens, dashes and the long-vowel mark, dots, slashes, underscores — is looked
 * through. A match is a run of exactly 12 digits whose last is the check digit of the enforcement
 * order of the My Number Act, art. 8 (検査用数字); a run of more digits is another kind of number.
 * A contiguous 12-digit group is a match even inside a longer run, so a number cannot hide by
 * sitting next to another. Callers decode URLs first (`decodeUrlText`).
 */
import { findTextField } from "./inputs.ts";

export interface Span {
  start: number;
  end: number;
}

const SEPARATOR =
  /^[\s\p{Pd}\u00ad\u180e\u200b-\u200f\u2060\u2212\ufeff\u30fc\uff70._/\u3002\u30fb\uff0e\uff0f\uff3f\uff65]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

type Unit = { kind: "digit"; values: number[] } | { kind: "separator" } | { kind: "other" };

const unitCache = new Map<number, Unit>();

/** The value of a Unicode decimal digit: Nd digits come in blocks of ten, zero first. */
function decimalValue(codePoint: number): number {
  let back = 0;
  while (back < 60 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - back - 1))) back++;
  return back % 10;
}

/** ASCII, which is nearly every character the screen sees (every log line), classified once. */
const ASCII_UNITS: Unit[] = Array.from({ length: 0x80 }, (_, c) =>
  c >= 0x30 && c <= 0x39
    ? { kind: "digit", values: [c - 0x30] }
    : SEPARATOR.test(String.fromCharCode(c))
      ? { kind: "separator" }
      : { kind: "other" },
);

function unitOf(codePoint: number): Unit {
  if (codePoint < 0x80) return ASCII_UNITS[codePoint]!;
  const cached = unitCache.get(codePoint);
  if (cached) return cached;
  const char = String.fromCodePoint(codePoint);
  let unit: Unit = { kind: "other" };
  if (SEPARATOR.test(char)) unit = { kind: "separator" };
  else if (DECIMAL_DIGIT.test(char)) unit = { kind: "digit", values: [decimalValue(codePoint)] };
  else {
    const normal = char.normalize("NFKC");
    if (normal !== char && /^[0-9]+$/.test(normal)) {
      unit = { kind: "digit", values: [...normal].map(Number) };
    } else if (
      normal !== char &&
      normal.length > 0 &&
      [...normal].every((c) => SEPARATOR.test(c))
    ) {
      unit = { kind: "separator" };
    }
  }
  if (unitCache.size < 10_000) unitCache.set(codePoint, unit);
  return unit;
}

/** 検査用数字: weights 2..7 then 2..6 from the right of the first eleven digits, modulo 11. */
export function checkDigit(first11: readonly number[]): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11[11 - n]!;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function isValidMyNumber(digits: readonly number[]): boolean {
  return digits.length === 12 && checkDigit(digits.slice(0, 11)) === digits[11];
}

interface Group {
  start: number;
  end: number;
  digits: number[];
}

/** A run: digit groups joined by separators only, with where it starts and ends in the text. */
interface Run {
  groups: Group[];
  /** The character just before the run, to tell an international phone number (+81…). */
  before: string;
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  let group: Group | undefined;
  let afterSeparator = false;
  let index = 0;
  for (const char of text) {
    const at = index;
    index += char.length;
    const unit = unitOf(char.codePointAt(0)!);
    if (unit.kind === "digit") {
      if (!group) {
        group = { start: at, end: index, digits: [] };
        if (!run || !afterSeparator) {
          run = { groups: [], before: text.slice(Math.max(0, at - 1), at) };
          runs.push(run);
        }
        run.groups.push(group);
      }
      group.digits.push(...unit.values);
      group.end = index;
      afterSeparator = false;
    } else if (unit.kind === "separator" && run) {
      group = undefined;
      afterSeparator = true;
    } else {
      group = undefined;
      run = undefined;
      afterSeparator = false;
    }
  }
  return runs;
}

export function findMyNumbers(text: string): Span[] {
  const found: Span[] = [];
  for (const run of runsOf(text)) {
    const digits = run.groups.flatMap((g) => g.digits);
    const first = run.groups[0]!;
    const last = run.groups[run.groups.length - 1]!;
    if (isValidMyNumber(digits) && !(run.groups.length > 1 && run.before === "+")) {
      found.push({ start: first.start, end: last.end });
      continue;
    }
    for (const group of run.groups) {
      if (isValidMyNumber(group.digits)) found.push({ start: group.start, end: group.end });
    }
  }
  return found;
}

export function containsMyNumber(text: string): boolean {
  return findMyNumbers(text).length > 0;
}

export const REDACTED = "[個人番号?]";

/** Replaces every match with a marker; used on log values and error messages. */
export function redactMyNumbers(text: string): string {
  const spans = findMyNumbers(text);
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + REDACTED;
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * A URL or query string as a person would read it: `+` as a space, percent-escapes decoded (a
 * malformed escape is left as it is, so the rest is still screened).
 */
export function decodeUrlText(url: string): string {
  const spaced = url.replaceAll("+", " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(%[0-9a-f]{2})+/gi, (encoded) => {
      try {
        return decodeURIComponent(encoded);
      } catch {
        return encoded;
      }
    });
  }
}

/**
 * Walks any JSON-like value and returns the path of the first string holding a My Number, or
 * undefined. Object keys are screened as well as values.
 */
export function findMyNumberField(value: unknown): string | undefined {
  return findTextField(value, containsMyNumber);
}
