/** Requests and responses of the reports API (日次報告書・月次業務完了報告書), shared with the web app. */
import { z } from "zod";
import { isoDate, isoMonth } from "../platform/inputs.ts";

export const REPORT_KINDS = ["daily", "monthly"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, { ja: string; en: string }> = {
  daily: { ja: "日次報告書", en: "Daily report" },
  monthly: { ja: "月次業務完了報告書", en: "Monthly completion report" },
};

export const REPORT_STATUSES = ["draft", "submitted", "returned", "accepted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The city's 確認 of a daily report and 検査 of a monthly one share the "accepted" state. */
export const REPORT_STATUS_LABELS: Record<ReportStatus, { ja: string; en: string }> = {
  draft: { ja: "未提出", en: "Not submitted" },
  submitted: { ja: "提出済（確認待ち）", en: "Submitted, awaiting the city" },
  returned: { ja: "差戻し", en: "Returned" },
  accepted: { ja: "検査済", en: "Accepted" },
};

/** The eight categories of 仕様 8(5), named as the catalogue names its procedures. */
export { REPORT_CATEGORY_LABELS as CATEGORY_LABELS } from "../queue/catalogue.ts";

const outcomes = z.object({ completed: z.number().int(), notCompleted: z.number().int() });
const waits = z.object({
  people: z.number().int(),
  meanMinutes: z.number(),
  p90Minutes: z.number(),
  maxMinutes: z.number(),
  withinTarget: z.number(),
});
const occurrence = z.object({ at: z.string(), summary: z.string() });
const target = z.object({ share: z.number(), minutes: z.number() });

export const dailyFiguresSchema = z.object({
  date: z.string(),
  counter: z.record(z.string(), outcomes),
  notCompletedReasons: z.record(z.string(), z.number().int()),
  visits: z.object({
    people: z.number().int(),
    walkIns: z.number().int(),
    booked: z.number().int(),
    served: z.number().int(),
    noShow: z.number().int(),
    cancelled: z.number().int(),
  }),
  reservations: z.object({
    booked: z.number().int(),
    checkedIn: z.number().int(),
    noShow: z.number().int(),
    cancelled: z.number().int(),
  }),
  waiting: z.object({ all: waits, groups: z.array(waits.extend({ groupCode: z.string() })) }),
  longestQueue: z.object({ people: z.number().int(), at: z.string() }).nullable(),
  staffing: z.object({
    people: z.number().int(),
    hours: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        managerOnDuty: z.boolean(),
        deputyOnDuty: z.boolean(),
        uncovered: z.boolean(),
        people: z.number().int(),
      }),
    ),
    leadAlwaysPresent: z.boolean(),
  }),
  phone: z.object({
    calls: z.number().int(),
    byOutcome: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
  }),
  /** Absent from versions submitted before the card stock was kept. */
  backOffice: z
    .object({ received: z.number().int(), setUp: z.number().int(), handedOver: z.number().int() })
    .optional(),
  equipmentTrouble: z.array(occurrence),
  incidents: z.array(occurrence),
  target,
});

export const monthlyFiguresSchema = z.object({
  month: z.string(),
  totals: z.record(z.string(), outcomes),
  days: z.array(
    z.object({
      date: z.string(),
      people: z.number().int(),
      completed: z.number().int(),
      notCompleted: z.number().int(),
      phoneCalls: z.number().int(),
      meanWaitMinutes: z.number(),
      p90WaitMinutes: z.number(),
      withinTarget: z.number(),
      noShows: z.number().int(),
      staffOnDuty: z.number().int(),
      leadAlwaysPresent: z.boolean(),
    }),
  ),
  waiting: waits,
  serviceLevel: z.object({
    target: z.number(),
    targetMinutes: z.number(),
    attained: z.number(),
    met: z.boolean(),
    daysMet: z.number().int(),
    days: z.number().int(),
  }),
  reservations: z.object({
    booked: z.number().int(),
    checkedIn: z.number().int(),
    noShow: z.number().int(),
    cancelled: z.number().int(),
  }),
  staffing: z.object({ paidHours: z.number(), daysWithoutLead: z.array(z.string()) }),
  training: z.array(
    z.object({ heldOn: z.string(), title: z.string(), attendees: z.number().int() }),
  ),
  rosterChanges: z.array(occurrence),
  incidents: z.array(occurrence),
  proposals: z.array(occurrence),
});

export const reportVersionSchema = z.object({
  reportId: z.string(),
  kind: z.enum(REPORT_KINDS),
  period: z.string(),
  version: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  remarks: z.string(),
  submittedAt: z.string(),
  submittedByName: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ReportVersion = z.infer<typeof reportVersionSchema>;

export const dailyReportOut = z.object({
  date: z.string(),
  status: z.enum(REPORT_STATUSES),
  /**
   * Drafted now from the records, for the leads while the report is new or returned; null
   * otherwise (the city sees what was submitted).
   */
  draft: dailyFiguresSchema.nullable(),
  versions: z.array(reportVersionSchema.extend({ figures: dailyFiguresSchema })),
});
export const monthlyReportOut = z.object({
  month: z.string(),
  status: z.enum(REPORT_STATUSES),
  draft: monthlyFiguresSchema.nullable(),
  versions: z.array(reportVersionSchema.extend({ figures: monthlyFiguresSchema })),
});
export type DailyReportOut = z.infer<typeof dailyReportOut>;
export type MonthlyReportOut = z.infer<typeof monthlyReportOut>;

export const reportListOut = z.array(
  z.object({ period: z.string(), status: z.enum(REPORT_STATUSES), version: z.number().int() }),
);

export const dateParams = z.object({ date: isoDate });
export const monthParams = z.object({ month: isoMonth });
export const reportParams = z.object({ reportId: z.string().max(64) });
export const submitInput = z.object({ remarks: z.string().trim().max(4000) });
export const inspectInput = z.object({
  decision: z.enum(["accept", "return"]),
  comment: z.string().trim().max(4000).optional(),
});
export const listQuery = z.object({
  kind: z.enum(REPORT_KINDS),
  from: z.string().max(10),
  to: z.string().max(10),
});

export const dashboardQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const dashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  target: z.object({ share: z.number(), minutes: z.number() }),
  days: z.array(
    z.object({
      date: z.string(),
      people: z.number().int(),
      completed: z.number().int(),
      notCompleted: z.number().int(),
      phoneCalls: z.number().int(),
      meanWaitMinutes: z.number(),
      p90WaitMinutes: z.number(),
      withinTarget: z.number(),
      noShows: z.number().int(),
      staffOnDuty: z.number().int(),
    }),
  ),
  hours: z.array(z.object({ hour: z.number().int(), arrivals: z.number(), staff: z.number() })),
});
export type DashboardOut = z.infer<typeof dashboardSchema>;
export const dashboardChartParams = z.object({ chart: z.enum(["days", "hours"]) });
