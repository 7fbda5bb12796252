import { z } from "zod";

/**
 * Input schemas every contract shares, so a date, a time or a text is checked one way
 * everywhere. A value that is well formed but impossible (2026-13-01, 9999-99-99) or out of the
 * range the service can mean (before 1900, after 2099) is refused with 422 and the field, not
 * passed on to the database or to date arithmetic. The messages are codes the HTTP layer maps.
 */
export const INPUT_REFUSALS = {
  invalid_date: {
    ja: "日付が正しくありません（YYYY-MM-DD、1900〜2099年）。",
    en: "The date is not valid (YYYY-MM-DD, years 1900–2099).",
  },
  invalid_month: {
    ja: "年月が正しくありません（YYYY-MM、1900〜2099年）。",
    en: "The month is not valid (YYYY-MM, years 1900–2099).",
  },
  invalid_time: { ja: "時刻が正しくありません（HH:MM）。", en: "The time is not valid (HH:MM)." },
  invalid_instant: {
    ja: "日時が正しくありません（ISO 8601、時差付き）。",
    en: "The date and time are not valid (ISO 8601 with an offset).",
  },
  invalid_text: {
    ja: "使用できない文字（NUL、または壊れた文字）が含まれています。",
    en: "The text contains a character that cannot be stored (NUL, or a broken character).",
  },
  empty_patch: {
    ja: "変更する項目がありません。",
    en: "Nothing to change: the request names no field.",
  },
} as const;
export type InputRefusal = keyof typeof INPUT_REFUSALS;

const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date (leap years included) within the years the service can mean. */
export function isValidDate(date: string): boolean {
  const match = DATE.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < FIRST_YEAR || y > LAST_YEAR) return false;
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
}

export function isValidMonth(month: string): boolean {
  const match = MONTH.exec(month);
  return !!match && isValidDate(`${match[1]}-${match[2]}-01`);
}

export function isValidInstant(text: string): boolean {
  const match = INSTANT.exec(text);
  return !!match && isValidDate(match[1]!) && !Number.isNaN(Date.parse(text));
}

export const isoDate = z.string().max(10).refine(isValidDate, "invalid_date");
export const isoMonth = z.string().max(7).refine(isValidMonth, "invalid_month");
export const hhmm = z.string().max(5).regex(TIME, "invalid_time");
/** An instant with its offset, e.g. a slot's start as the server gave it. */
export const isoInstant = z.string().max(40).refine(isValidInstant, "invalid_instant");

/** A patch must name at least one field: an empty one would be a write of nothing. */
export function patchOf<T extends z.ZodObject>(schema: T) {
  return schema.refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: "empty_patch",
  });
}

/**
 * The path of the first key or text (numbers read as text) of a JSON-like value that fails the
 * test, e.g. holds a My Number or a NUL. Iterative, so no nesting can overflow the stack.
 */
export function findTextField(value: unknown, test: (text: string) => boolean): string | undefined {
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === "string" || typeof item === "number" || typeof item === "bigint") {
      if (test(String(item))) return path || "(value)";
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${path}[${i}]`]);
    } else if (item && typeof item === "object") {
      const entries = Object.entries(item);
      for (const [key] of entries) if (test(key)) return path || "(key)";
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        stack.push([inner, path ? `${path}.${key}` : key]);
      }
    }
  }
  return undefined;
}
