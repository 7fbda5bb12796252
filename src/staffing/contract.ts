/** Requests and responses of the staffing planner (要員計画), shared with the web app. */
import { z } from "zod";
import { hhmm, isoDate, isoMonth } from "../platform/inputs.ts";
import type { UnmetLift } from "./causes.ts";

export const targetsSchema = z.object({
  counterServiceLevel: z.number().gt(0).lt(1),
  counterWaitMinutes: z.number().int().min(1).max(240),
  phoneServiceLevel: z.number().gt(0).lt(1),
  phoneWaitSeconds: z.number().int().min(1).max(3600),
  shrinkage: z.number().min(0).max(0.5),
  terminals: z.number().int().min(0).max(50),
});

/** What a tenant sets (the terminals come from its terminal list). */
export const tenantTargetsSchema = targetsSchema.omit({ terminals: true });
export type TenantTargets = z.infer<typeof tenantTargetsSchema>;
export const tenantTargetsOut = tenantTargetsSchema.extend({ updatedAt: z.string().nullable() });

export const planRequest = z.object({
  month: isoMonth,
  /** The counter target: a share called within the minutes (default 80 % within 15). */
  counterServiceLevel: z.number().gt(0).lt(1).optional(),
  counterWaitMinutes: z.number().int().min(1).max(240).optional(),
});

export const shiftSchema = z.object({
  personId: z.string().min(1).max(64),
  date: isoDate,
  start: hhmm,
  end: hhmm,
  breakStart: hhmm.nullable(),
  breakEnd: hhmm.nullable(),
});
export const plannedShiftSchema = shiftSchema.extend({
  name: z.string(),
  paidHours: z.number(),
});

const levelSchema = z.object({
  serviceLevel: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  meanWaitMinutes: z.number(),
  p90WaitMinutes: z.number(),
  utilisation: z.number(),
});

export const planPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  counter: z.boolean(),
  phone: z.boolean(),
  backOffice: z.boolean(),
  lead: z.boolean(),
  weeklyHourLimit: z.number(),
  availability: z.record(z.string(), z.object({ from: z.string(), to: z.string() })),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
});

export const violationSchema = z.object({
  code: z.string(),
  date: z.string(),
  personId: z.string().optional(),
  at: z.string().optional(),
  ja: z.string(),
  en: z.string(),
});

/** The rule that binds where a need is left unmet (causes.ts). */
export const UNMET_CAUSES = [
  "terminals",
  "people",
  "phone_skill",
  "counter_skill",
  "setup_skill",
  "lead_rule",
  "unsolved",
] as const;
export type UnmetCause = (typeof UNMET_CAUSES)[number];

export const staffingPlanSchema = z.object({
  planId: z.string(),
  month: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  demandSource: z.enum(["history", "reference"]),
  targets: targetsSchema,
  intervals: z.array(
    z.object({
      start: z.string(),
      minutes: z.number().int().optional(),
      counterRequired: z.number(),
      counterScheduled: z.number(),
      phoneRequired: z.number(),
      phoneScheduled: z.number(),
      setupRequired: z.number(),
      arrivals: z.number(),
      counterOpen: z.boolean(),
      simulatedLevel: z.number().optional(),
    }),
  ),
  shifts: z.array(plannedShiftSchema),
  people: z.array(planPersonSchema),
  staffHours: z.number(),
  lowerBoundHours: z.number(),
  gapPercent: z.number(),
  ended: z.enum(["optimal", "time_limit", "failed"]),
  baselineStaffHours: z.number(),
  savingPercent: z.number(),
  simulated: levelSchema,
  baselineSimulated: levelSchema,
  unmet: z.array(
    z.object({
      date: z.string(),
      from: z.string(),
      to: z.string(),
      rule: z.string(),
      missing: z.number(),
      /** Plans made before causes were told have none. */
      cause: z.enum(UNMET_CAUSES).optional(),
      lift: z
        .object({
          kind: z.enum(["person", "training", "terminals", "lead"]),
          count: z.number(),
          work: z.enum(["counter", "phone", "setup"]).optional(),
          candidates: z.array(z.string()).optional(),
        })
        .optional(),
    }),
  ),
  belowTarget: z
    .object({ terminalFree: z.number(), terminalBound: z.number(), intervals: z.number() })
    .optional(),
  unscheduledSetups: z.number(),
  lateSetups: z.number().optional(),
  setupBacklog: z.number().optional(),
  runtimeMs: z.number(),
  /** Every rule broken by the shifts as they stand (after hand edits). */
  violations: z.array(violationSchema),
});
export type StaffingPlanOut = z.infer<typeof staffingPlanSchema>;

export const shiftsBody = z.object({ shifts: z.array(shiftSchema).max(2000) });
export const planParams = z.object({ planId: z.string().uuid() });
export const monthQuery = z.object({ month: isoMonth });

/** The kinds of shortfall the plan reports, with their labels. */
/** Where a plan's demand came from: the manager should know whether it learned from the records. */
export const DEMAND_SOURCE_LABELS: Record<"history" | "reference", { ja: string; en: string }> = {
  history: {
    ja: "需要は窓口の実績（過去6か月の記録）から学習",
    en: "Demand learned from the service records (six months)",
  },
  reference: {
    ja: "需要は仕様の参考件数（§8(5)）から推計（実績が8週に満たないため）",
    en: "Demand from the specification's reference volumes (§8(5)): under eight weeks of records",
  },
};

/** How the solve ended: optimal within the gap, or stopped by the time limit. */
export const SOLVE_ENDED_LABELS: Record<
  "optimal" | "time_limit" | "failed",
  { ja: string; en: string }
> = {
  optimal: { ja: "最適解（許容差以内）", en: "Optimal within the gap" },
  time_limit: { ja: "制限時間で打ち切り", en: "Stopped by the time limit" },
  failed: { ja: "求解に失敗", en: "The solver failed" },
};

export const UNMET_CAUSE_LABELS: Record<UnmetCause, { ja: string; en: string }> = {
  terminals: { ja: "統合端末の台数", en: "Terminals" },
  people: {
    ja: "人員（勤務可能で研修済みの人がいない）",
    en: "People (nobody available, trained, within hours)",
  },
  phone_skill: { ja: "電話対応の研修", en: "Phone training" },
  counter_skill: { ja: "窓口対応の研修", en: "Counter training" },
  setup_skill: { ja: "交付前設定の研修", en: "Card-setup training" },
  lead_rule: { ja: "管理者・副管理者の在席", en: "Manager or deputy present" },
  unsolved: { ja: "計算が打ち切られた", en: "The solve was cut short" },
};

const WORK_JA = { counter: "窓口", phone: "電話", setup: "交付前設定" } as const;
const WORK_EN = { counter: "counter", phone: "phone", setup: "card-setup" } as const;

/** What would lift an unmet range, as a sentence: "1 more phone-trained person 08:30–10:30 on 8/3". */
export function liftText(
  u: { date: string; from: string; to: string; lift?: UnmetLift | undefined },
  lang: "ja" | "en",
): string {
  const lift = u.lift;
  if (!lift) return "";
  const md = `${Number(u.date.slice(5, 7))}/${Number(u.date.slice(8, 10))}`;
  const span = `${u.from}–${u.to}`;
  const work = lift.work ?? "counter";
  const who = lift.candidates?.length ? lift.candidates.join("、") : "";
  if (lang === "ja")
    switch (lift.kind) {
      case "terminals":
        return `${md} ${span} に統合端末をあと${lift.count}台、または予約をすいた時間へ移す`;
      case "lead":
        return `${md} ${span} に業務管理者か副管理者を1人`;
      case "training":
        return `${md} ${span} に${WORK_JA[work]}の研修を済ませた人をあと${lift.count}人（空いている人: ${who}）`;
      default:
        return `${md} ${span} に${WORK_JA[work]}のできる人をあと${lift.count}人`;
    }
  const plural = (n: number, one: string) => `${n} more ${one}${n === 1 ? "" : "s"}`;
  switch (lift.kind) {
    case "terminals":
      return `${plural(lift.count, "terminal")} ${span} on ${md}, or bookings moved to quieter hours`;
    case "lead":
      return `a manager or deputy ${span} on ${md}`;
    case "training":
      return `${plural(lift.count, `${WORK_EN[work]}-trained person`).replace("persons", "people")} ${span} on ${md} (free then: ${who.replaceAll("、", ", ")})`;
    default:
      return `${plural(lift.count, `${WORK_EN[work]}-trained person`).replace("persons", "people")} ${span} on ${md}`;
  }
}

export const UNMET_LABELS: Record<string, { ja: string; en: string }> = {
  counter: { ja: "窓口", en: "Counter" },
  phone: { ja: "電話", en: "Phone" },
  setup: { ja: "交付前設定", en: "Card setup" },
  lead: { ja: "管理者・副管理者", en: "Manager or deputy" },
  terminals: { ja: "統合端末の不足", en: "Beyond the terminals" },
};
