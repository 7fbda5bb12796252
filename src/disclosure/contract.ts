/** Requests and responses of disclosures (情報公開), shared with the web app. */
import { z } from "zod";
import { isoDate } from "../platform/inputs.ts";

export const DOCUMENT_KINDS = [
  "report",
  "incident",
  "proposal",
  "commitments",
  "subcontract",
  "manual",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
const documentRef = z.object({ kind: z.enum(DOCUMENT_KINDS), ref: z.string().min(1).max(64) });

export const maskOptions = z.object({
  /** The contractor's people (names of a private company's staff): withheld unless the city decides otherwise. */
  staffNames: z.boolean().default(true),
  /** The city's officers acting in their duties are usually disclosed. */
  officerNames: z.boolean().default(false),
  /** Anything more the officer found on reading the preview (a citizen's name in a free text). */
  extraTerms: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
});
export const previewInput = documentRef.extend({ mask: maskOptions });
export const disclosureInput = z.object({
  /** 開示請求の受付番号. */
  requestNo: z.string().trim().min(1).max(60),
  /** Who receives it (to whom it was disclosed). */
  requester: z.string().trim().min(1).max(200),
  receivedOn: isoDate,
  disclosedOn: isoDate,
  documents: z.array(documentRef).min(1).max(50),
  mask: maskOptions,
});
export const catalogueSchema = z.array(documentRef.extend({ title: z.string() }));
export const disclosedFileSchema = z.object({
  seq: z.number().int(),
  kind: z.enum([...DOCUMENT_KINDS, "cover"]),
  ref: z.string(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  /** Passages withheld (黒塗り) in it. */
  masked: z.number().int(),
});
export const disclosureSchema = z.object({
  id: z.string(),
  requestNo: z.string(),
  requester: z.string(),
  receivedOn: z.string(),
  disclosedOn: z.string(),
  mask: z.object({
    staffNames: z.boolean(),
    officerNames: z.boolean(),
    extraTerms: z.number().int(),
  }),
  files: z.array(disclosedFileSchema),
  madeByName: z.string(),
  madeAt: z.string(),
});
export type DisclosureOut = z.infer<typeof disclosureSchema>;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind | "cover", { ja: string; en: string }> = {
  report: { ja: "報告書", en: "Report" },
  incident: { ja: "事故・障害報告", en: "Incident report" },
  proposal: { ja: "業務改善提案", en: "Improvement proposal" },
  commitments: { ja: "提案事項台帳", en: "Commitments register" },
  subcontract: { ja: "再委託承諾申請", en: "Subcontracting request" },
  manual: { ja: "運営マニュアル", en: "Operation manual" },
  cover: { ja: "開示文書一覧", en: "List of documents disclosed" },
};
