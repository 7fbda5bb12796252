/**
 * 運営マニュアルの全文検索 (decision 0009): the confirmed manual split into its sections and
 * indexed by character bigrams of a normalised text, in memory, the same on PGlite and
 * PostgreSQL. Japanese has no spaces between words, so a query of two kanji is one bigram;
 * normalising (NFKC, katakana as hiragana, no spaces or punctuation, lower case) lets カナ and
 * かな, full- and half-width forms find each other; a short list of the counter's own variants
 * (受け取り・受取, 暗証番号・パスワード, …) widens a query to them. Pure.
 */
export interface Section {
  /** Heading path, e.g. ["交付", "本人確認"]. */
  headings: string[];
  /** The section's Markdown (its heading line included). */
  body: string;
  /** Anchor within the manual. */
  anchor: string;
}

export function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

const bigrams = (text: string): string[] => {
  if (text.length < 2) return text ? [text] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
};

/** Spellings the counter uses for one thing: a query for one also finds the others. */
export const VARIANTS: string[][] = [
  ["受け取り", "受取", "受取り", "うけとり"],
  ["申し込み", "申込", "申込み", "もうしこみ"],
  ["暗証番号", "パスワード", "pin"],
  ["マイナンバーカード", "個人番号カード", "カード"],
  ["電子証明書", "電子証明"],
  ["問い合わせ", "問合せ", "問合わせ", "といあわせ"],
  ["取り消し", "取消", "取消し"],
  ["本人確認", "本人確認書類"],
  ["健康保険証", "保険証"],
  ["公金受取口座", "公金口座"],
];

function variantsOf(query: string): string[] {
  const q = normalise(query);
  const out = new Set([q]);
  for (const group of VARIANTS) {
    const forms = group.map(normalise);
    for (const form of forms)
      if (form && q.includes(form)) for (const other of forms) out.add(q.replace(form, other));
  }
  return [...out];
}

/** Sections by headings (#, ##, ###): each with the path of headings above it. */
export function sectionsOf(markdown: string): Section[] {
  const sections: Section[] = [];
  const path: string[] = [];
  let lines: string[] = [];
  let headings: string[] = [];
  const flush = () => {
    const body = lines.join("\n").trim();
    if (body) sections.push({ headings: [...headings], body, anchor: `s${sections.length + 1}` });
    lines = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^(#{1,3})\s+(.+?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      path.length = level - 1;
      path[level - 1] = heading[2]!;
      headings = path.filter(Boolean);
    }
    lines.push(line);
  }
  flush();
  return sections;
}

export interface Hit {
  anchor: string;
  headings: string[];
  snippet: string;
  score: number;
}

export interface ManualIndex {
  search(query: string, limit?: number): Hit[];
}

/** The index of one manual version: built once when it is confirmed (or first searched). */
export function indexManual(markdown: string): ManualIndex {
  const sections = sectionsOf(markdown).map((s) => {
    const text = normalise(s.body);
    const heading = normalise(s.headings.join(""));
    const grams = new Map<string, number>();
    for (const g of bigrams(text)) grams.set(g, (grams.get(g) ?? 0) + 1);
    return { ...s, text, heading, grams };
  });
  const postings = new Map<string, number[]>();
  sections.forEach((s, i) => {
    for (const g of s.grams.keys()) {
      const list = postings.get(g) ?? [];
      list.push(i);
      postings.set(g, list);
    }
  });
  return {
    search(query, limit = 10) {
      const forms = variantsOf(query).filter(Boolean);
      if (forms.length === 0) return [];
      const scores = new Map<number, number>();
      for (const form of forms) {
        const grams = bigrams(form);
        // Candidates: sections holding every bigram of this form, then the form itself.
        let candidates: number[] | undefined;
        for (const g of grams) {
          const list = postings.get(g) ?? [];
          const holding = new Set(list);
          candidates = candidates ? candidates.filter((i) => holding.has(i)) : [...list];
          if (candidates.length === 0) break;
        }
        for (const i of candidates ?? []) {
          const s = sections[i]!;
          const count = s.text.split(form).length - 1;
          if (count === 0) continue;
          const score = count + (s.heading.includes(form) ? 5 : 0);
          scores.set(i, Math.max(scores.get(i) ?? 0, score));
        }
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([i, score]) => {
          const s = sections[i]!;
          return {
            anchor: s.anchor,
            headings: s.headings,
            snippet: snippetOf(s.body, forms),
            score,
          };
        });
    },
  };
}

/** The line of the section where the query (or a variant) first appears, shortened around it. */
function snippetOf(body: string, forms: string[]): string {
  const lines = body.split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  const hit = lines.find((l) => forms.some((f) => normalise(l).includes(f))) ?? lines[0] ?? "";
  const plain = hit
    .replace(/[*_`>|#-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 120 ? `${plain.slice(0, 118)}…` : plain;
}
