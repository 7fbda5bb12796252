import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkDigit,
  containsMyNumber,
  decodeUrlText,
  findMyNumberField,
  findMyNumbers,
  redactMyNumbers,
} from "./mynumber.ts";

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

  it("looks through nesting deeper than any stack", () => {
    let deep: unknown = `x ${VALID}`;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findMyNumberField(deep)).toMatch(/^\[0\]/);
  });
});

/** The clothes a number came in during the attack on issue 11 (and a few more). */
const SEPARATORS = [
  " ",
  "-",
  ".",
  "/",
  "_",
  "\u3000",
  "\u00a0",
  "\u200b",
  "\u2010",
  "\u2014",
  "\u30fc",
  "\u30fb",
  "\uff0e",
  " - ",
  "\u200b\u200b",
];
const DIGIT_ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1d7ec];
const inDigits = (digits: string, zero: number) =>
  [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join("");

describe("the screen sees a number in any clothes", () => {
  it.each([
    ["5260.1815.9084@example.com"],
    ["526-018-159-084"],
    ["52601815-9084"],
    ["5260/1815/9084"],
    ["5260\u00a01815\u00a09084"],
    ["5260\u200b1815\u200b9084"],
    ["\u0665\u0662\u0666\u0660\u0661\u0668\u0661\u0665\u0669\u0660\u0668\u0664"],
    ["5260ー1815ー9084"],
    ["①②③④⑤⑥⑦⑧⑨０①⑧"],
  ])("refuses %s", (text) => {
    expect(containsMyNumber(text)).toBe(true);
  });

  it.each([
    ["5260%201815%209084"],
    ["5260+1815+9084"],
    ["%35%32%36%30%31%38%31%35%39%30%38%34"],
    [
      "%EF%BC%95%EF%BC%92%EF%BC%96%EF%BC%90%EF%BC%91%EF%BC%98%EF%BC%91%EF%BC%95%EF%BC%99%EF%BC%90%EF%BC%98%EF%BC%94",
    ],
    ["/api/v1/public/nagaoka/slots?procedure=5260%201815%209084"],
    ["%E0%A5%AB%zz5260 1815 9084"],
  ])("refuses %s once the URL is decoded", (url) => {
    expect(containsMyNumber(decodeUrlText(url))).toBe(true);
  });

  it.each([
    ["0258-39-2222"],
    ["090-1234-5678"],
    ["+81 90-1234-5678"],
    ["2026-08-03"],
    ["2026/08/03 10:00"],
    ["12345678901"],
    ["1234567890123"],
    ["〒940-8501 長岡市大手通1-4-10"],
    ["responseTime 32.25"],
  ])("lets %s pass", (text) => {
    expect(containsMyNumber(text)).toBe(false);
  });

  it("property: a valid number in any digits with any separators is refused, an invalid one passes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }),
        fc.constantFrom(...DIGIT_ZEROS),
        fc.array(fc.option(fc.constantFrom(...SEPARATORS), { nil: "" }), {
          minLength: 11,
          maxLength: 11,
        }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom("", "メモ ", "a@", "(", "番号:"),
        (first, zero, separators, shift, prefix) => {
          const check = checkDigit(first);
          const dress = (digits: number[]) =>
            digits.map((d, i) => inDigits(String(d), zero) + (separators[i] ?? "")).join("");
          const valid = dress([...first, check]);
          expect(containsMyNumber(`${prefix}${valid} 様`)).toBe(true);
          expect(redactMyNumbers(`${prefix}${valid}`)).not.toMatch(
            /\p{Nd}.*\p{Nd}.*\p{Nd}.*\p{Nd}/u,
          );
          const wrong = dress([...first, (check + shift) % 10]);
          expect(containsMyNumber(`${prefix}${wrong} 様`)).toBe(false);
        },
      ),
    );
  });

  it("property: 11- and 13-digit runs and dates pass", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }),
        fc.constantFrom(...SEPARATORS),
        fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (digits, separator, date) => {
          expect(containsMyNumber(digits.slice(0, 11).join(separator))).toBe(false);
          expect(containsMyNumber(digits.join(separator))).toBe(false);
          expect(containsMyNumber(date.toISOString())).toBe(false);
        },
      ),
    );
  });
});
