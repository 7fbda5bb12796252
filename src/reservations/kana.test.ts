import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseNameKana, toKatakana } from "./kana.ts";

describe("the katakana name of a booking", () => {
  it.each([
    ["ながおか はなこ", "ナガオカ ハナコ"],
    ["ナガオカ　ハナコ", "ナガオカ ハナコ"],
    ["ﾅｶﾞｵｶ ﾊﾅｺ", "ナガオカ ハナコ"],
    ["  さとう   じろう ", "サトウ ジロウ"],
    ["ヴァイオレット・エヴァーガーデン", "ヴァイオレット・エヴァーガーデン"],
  ])("stores %s as %s", (typed, stored) => {
    expect(normaliseNameKana(typed)).toBe(stored);
  });

  it.each(["長岡 花子", "Hanako", "ナガオカ1", "", "   "])("refuses %s", (typed) => {
    expect(normaliseNameKana(typed)).toBeNull();
  });

  it("property: any hiragana turns into katakana of the same length", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCharCode(c)),
          minLength: 1,
          maxLength: 20,
        }),
        (hiragana) => {
          const katakana = toKatakana(hiragana);
          expect(katakana).toHaveLength(hiragana.length);
          expect(normaliseNameKana(hiragana)).toBe(katakana);
        },
      ),
    );
  });
});
