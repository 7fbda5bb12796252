import type { z } from "zod";
import type {
  entrySchema,
  noticeSchema,
  rosterOverviewSchema,
} from "../../../../src/roster/contract.ts";
import {
  DESIGNATION_LABELS,
  EMPLOYMENT_LABELS,
  FIELD_LABELS,
  NOTICE_LABELS,
  WORK_ROLE_LABELS,
} from "../../../../src/roster/rules.ts";
import type { courseSchema, trainingSessionSchema } from "../../../../src/training/contract.ts";
import type { Lang } from "../../i18n.ts";

// The roster's shapes and labels are the server's own.
export type Entry = z.infer<typeof entrySchema>;
export type RosterData = z.infer<typeof rosterOverviewSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type Course = z.infer<typeof courseSchema>;
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

type Labels = Record<string, Record<Lang, string>>;
// Looked up by the codes the API sends, which may be any string to this page.
export const DESIGNATION: Labels = DESIGNATION_LABELS;
export const EMPLOYMENT: Labels = EMPLOYMENT_LABELS;
export const FIELD: Labels = FIELD_LABELS;
export const NOTICE_KIND: Labels = NOTICE_LABELS;
export const WORK: Labels = WORK_ROLE_LABELS;

export const WEEKDAYS: Record<Lang, string[]> = {
  ja: ["日", "月", "火", "水", "木", "金", "土"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

export const formatInstant = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));

export { today } from "../../time.ts";
