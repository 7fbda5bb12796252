import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MASK, maskDeep, masker } from "./mask.ts";

describe("黒塗り (masking for a disclosure)", () => {
  it("withholds names, honorific names, contacts and My Numbers, and keeps the rest", () => {
    const mask = masker(["窓口 花子", "窓口", "花子"]);
    expect(mask("10:05 窓口 花子が受付。山田様から苦情、お客様へ説明。")).toBe(
      "10:05 ■■■■■が受付。■■様から苦情、お客様へ説明。",
    );
    expect(mask("連絡先 0258-39-2200 / yamada@example.jp 〒940-0062")).toBe(
      "連絡先 ■■■■■■■■■■■■ / ■■■■■■■■■■■■■■■■■ 〒■■■■■■■■",
    );
    expect(mask("番号 1234 5678 9018 を聞いた")).toMatch(/^番号 ■{14} を聞いた$/);
    // Dates, times and figures are not telephone numbers.
    expect(mask("2026-08-01 09:30 来庁者 132人 平均 12.5分")).toBe(
      "2026-08-01 09:30 来庁者 132人 平均 12.5分",
    );
    expect(mask.count).toBe(6);
  });

  it("masks every string of a document and nothing else", () => {
    const doc = { title: "報告", rows: [{ who: "窓口 花子", n: 3 }], at: "2026-08-01" };
    expect(maskDeep(doc, masker(["窓口 花子"]))).toEqual({
      title: "報告",
      rows: [{ who: "■■■■■", n: 3 }],
      at: "2026-08-01",
    });
  });

  it("no given name survives, the length is kept, and masking twice changes nothing more", () => {
    const name = fc.string({
      unit: fc.constantFrom(..."山田太郎花子佐藤窓口ヤマダ"),
      minLength: 2,
      maxLength: 5,
    });
    const filler = fc.string({ unit: fc.constantFrom(..."はをにの。、 受付交付設定1234") });
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 3 }),
        fc.array(filler, { maxLength: 4 }),
        (names, parts) => {
          const text = parts.flatMap((p, i) => [p, names[i % names.length]!]).join("");
          const masked = masker(names)(text);
          expect(masked.length).toBe(text.length);
          for (const n of names) expect(masked).not.toContain(n);
          expect(masker(names)(masked)).toBe(masked);
          for (let i = 0; i < text.length; i++)
            if (masked[i] !== MASK) expect(masked[i]).toBe(text[i]);
        },
      ),
    );
  });
});
