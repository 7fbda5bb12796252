import { describe, expect, it } from "vitest";
import { DEMO_MANUAL } from "./demoManual.ts";
import { diffLines } from "./diff.ts";
import { indexManual, normalise, sectionsOf } from "./search.ts";

const index = indexManual(DEMO_MANUAL);
const top = (q: string) => index.search(q).map((h) => h.headings.at(-1));

describe("searching the manual in Japanese", () => {
  it("splits the manual into sections under their headings", () => {
    const sections = sectionsOf(DEMO_MANUAL);
    expect(sections.find((s) => s.headings.at(-1) === "3.2 本人確認")?.headings).toEqual([
      "3. 交付",
      "3.2 本人確認",
    ]);
  });

  it.each([
    // two kanji
    ["交付", "3.1 カードの受取（交付）"],
    ["緊急呼出", "7.3 緊急呼出"],
    // a variant the counter uses for the same thing
    ["問合せ", "6.1 問い合わせ対応"],
    ["受け取り", "3.1 カードの受取（交付）"],
    // katakana typed as hiragana, full-width letters
    ["ぱすわーど", "4.1 暗証番号の再設定"],
    ["ＱＲコード", "2.1 発券機の案内"],
    // mixed kanji and kana
    ["暗証番号の再設定", "4.1 暗証番号の再設定"],
    ["保険証", "3.2 本人確認"],
  ])("finds %s in %s", (query, section) => {
    expect(top(query)).toContain(section);
  });

  it("puts the section whose heading holds the query first, and shows where it matched", () => {
    const [first] = index.search("電子証明書");
    expect(first?.headings.at(-1)).toBe("4.2 電子証明書の更新");
    expect(first?.snippet).toContain("電子証明書");
    expect(index.search("存在しない言葉")).toEqual([]);
  });

  it("normalises kana, width and spacing", () => {
    expect(normalise("カード　ＰＩＮ")).toBe(normalise("かーどpin"));
  });
});

describe("the manual's changes", () => {
  it("shows added and removed lines against the confirmed version", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });
});
