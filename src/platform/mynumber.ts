/**
 * The My Number guard (個人番号の検出). madoguchi never stores, logs or echoes a My Number, so
 * every input is screened with this before anything else looks at it.
 *
 * A match is 12 digits (ASCII or full-width), written together or grouped 4-4-4 with spaces or
 * hyphens, whose last digit is the check digit defined by the enforcement order of the My Number
 * Act, art. 8 (検査用数字). Digits inside a longer run are another kind of number and not a match.
 */
export interface Span {
  start: number;
  end: number;
}

const SEPARATORS = new Set([" ", "-", "\u3000", "\uff0d", "\u2010", "\u2011", "\u2212"]);

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
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

function digitGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  for (let i = 0; i < text.length; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d >= 0) {
      current ??= { start: i, end: i, digits: [] };
      current.digits.push(d);
      current.end = i + 1;
    } else if (current) {
      groups.push(current);
      current = undefined;
    }
  }
  if (current) groups.push(current);
  return groups;
}

/** Groups that follow each other with exactly one separator between them form a chain. */
function chains(text: string, groups: Group[]): Group[][] {
  const result: Group[][] = [];
  let chain: Group[] = [];
  for (const group of groups) {
    const previous = chain[chain.length - 1];
    const joined =
      previous !== undefined &&
      group.start === previous.end + 1 &&
      SEPARATORS.has(text[previous.end]!);
    if (!joined && chain.length > 0) {
      result.push(chain);
      chain = [];
    }
    chain.push(group);
  }
  if (chain.length > 0) result.push(chain);
  return result;
}

export function findMyNumbers(text: string): Span[] {
  const found: Span[] = [];
  const groups = digitGroups(text);
  for (const group of groups) {
    if (isValidMyNumber(group.digits)) found.push({ start: group.start, end: group.end });
  }
  for (const chain of chains(text, groups)) {
    if (chain.length !== 3 || chain.some((g) => g.digits.length !== 4)) continue;
    if (isValidMyNumber(chain.flatMap((g) => g.digits))) {
      found.push({ start: chain[0]!.start, end: chain[2]!.end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function containsMyNumber(text: string): boolean {
  return findMyNumbers(text).length > 0;
}

export const REDACTED = "[個人番号?]";

/** Replaces every match with a marker; used on log lines and error messages. */
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
 * Walks any JSON-like value and returns the path of the first string holding a My Number, or
 * undefined. Object keys are screened as well as values.
 */
export function findMyNumberField(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return containsMyNumber(value) ? path || "(value)" : undefined;
  if (typeof value === "number" || typeof value === "bigint") {
    return containsMyNumber(String(value)) ? path || "(value)" : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findMyNumberField(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (containsMyNumber(key)) return `${path || "(key)"}`;
      const hit = findMyNumberField(inner, at);
      if (hit) return hit;
    }
  }
  return undefined;
}
