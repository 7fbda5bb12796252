/** Requests and responses of the operation manual (運営マニュアル), shared with the web app. */
import { z } from "zod";

export const versionInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(200_000),
});
export const versionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  state: z.enum(["draft", "confirmed", "superseded"]),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type ManualVersionOut = z.infer<typeof versionSchema>;
export const versionSummary = versionSchema.omit({ body: true });
export const versionParams = z.object({ id: z.string().uuid() });
export const diffSchema = z.object({
  against: z.number().int().nullable(),
  lines: z.array(z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() })),
});
export const searchQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const hitSchema = z.object({
  anchor: z.string(),
  headings: z.array(z.string()),
  snippet: z.string(),
  score: z.number(),
});
export const VERSION_STATE_LABELS = {
  draft: { ja: "下書き（市の確認待ち）", en: "Draft (awaiting the city)" },
  confirmed: { ja: "市確認済", en: "Confirmed by the city" },
  superseded: { ja: "旧版", en: "Superseded" },
} as const;
