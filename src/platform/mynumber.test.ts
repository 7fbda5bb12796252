import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDigit, findMyNumberField, findMyNumbers, redactMyNumbers } from "./mynumber.ts";

// 123456789018: the check digit of 12345678901 is 8 (sum 212, 212 mod 11 = 3, 11 - 3 = 8).
const VALID = "123456789018";
const toFullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe("findMyNumbers", () => {
  it("computes the check digit of the enforcement order, art. 8", () => {
    expect(checkDigit([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])).toBe(8);
    // remainder 0 or 1 gives check digit 0
    expect(checkDigit([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
  });

  it("finds a valid number in ASCII digits, with its position", () => {
    expect(findMyNumbers(`番号は${VALID}です`)).toEqual([{ start: 3, end: 15 }]);
  });

  it("finds full-width digits", () => {
    expect(findMyNumbers(`メモ ${toFullWidth(VALID)}`)).toEqual([{ start: 3, end: 15 }]);
  });

  it.each([
    ["1234 5678 9018"],
    ["1234-5678-9018"],
    ["1234\u30005678\u30009018"],
    [toFullWidth("1234－5678－9018")],
    ["1234 5678-9018"],
  ])("finds 4-4-4 groups: %s", (text) => {
    expect(findMyNumbers(`x ${text} y`)).toEqual([{ start: 2, end: 2 + text.length }]);
  });

  it("ignores a wrong check digit", () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 8) continue;
      expect(findMyNumbers(`12345678901${d}`)).toEqual([]);
      expect(findMyNumbers(`1234-5678-901${d}`)).toEqual([]);
    }
  });

  it("ignores 12 digits inside a longer run", () => {
    expect(findMyNumbers(`0${VALID}`)).toEqual([]);
    expect(findMyNumbers(`${VALID}0`)).toEqual([]);
    expect(findMyNumbers(`${toFullWidth("0")}${VALID}`)).toEqual([]);
    expect(findMyNumbers("1234-5678-9018-1111")).toEqual([]);
    expect(findMyNumbers("0-1234-5678-9018")).toEqual([]);
    expect(findMyNumbers("1234-5678-90180")).toEqual([]);
  });

  it("finds several and redacts each", () => {
    const text = `a ${VALID} b 1234 5678 9018 c`;
    expect(findMyNumbers(text)).toHaveLength(2);
    expect(redactMyNumbers(text)).not.toMatch(/\d{4}/);
  });

  it("property: any 11 digits with their check digit are found, with any other last digit not", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (first, shift) => {
          const check = checkDigit(first);
          const number = first.join("") + check;
          expect(findMyNumbers(`ID:${number}.`)).toHaveLength(1);
          expect(findMyNumbers(`ID:${toFullWidth(number)}.`)).toHaveLength(1);
          const grouped = `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`;
          expect(findMyNumbers(grouped)).toHaveLength(1);
          const wrong = first.join("") + ((check + shift) % 10);
          expect(findMyNumbers(wrong)).toHaveLength(0);
        },
      ),
    );
  });

  it("names the field of a nested value, never the value", () => {
    expect(findMyNumberField({ a: { b: [1, `note ${VALID}`] } })).toBe("a.b[1]");
    expect(findMyNumberField({ a: Number(VALID) })).toBe("a");
    expect(findMyNumberField({ ok: "0258-39-2222", n: 12 })).toBeUndefined();
    expect(findMyNumberField({ [VALID]: "x" })).toBe("(key)");
  });
});
