import { z } from "zod";
import { now } from "../platform/clock.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import type { Contact } from "./schema.ts";
import { type ContinuityPlanRow, insertPlan, latestPlan } from "./store.ts";

/** 緊急時の体制 as the leads keep it (仕様 8(1)). */
export const planInput = z.object({
  contacts: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(60),
        role: z.string().trim().min(1).max(60),
        phone: z
          .string()
          .trim()
          .regex(/^[0-9+\-() ]{6,20}$/, "invalid_phone")
          .optional(),
        email: z.string().trim().email().max(200).optional(),
      }),
    )
    .max(30),
  deciders: z.string().trim().min(1).max(2000),
  procedures: z.string().trim().min(1).max(20_000),
  paperTicketPrefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,2}$/, "invalid_prefix"),
  paperTicketCount: z.number().int().min(0).max(9999),
  cityNoticeEmails: z.array(z.string().trim().email().max(200)).max(10),
});
export type PlanInput = z.infer<typeof planInput>;
export const planSchema = planInput.extend({
  version: z.number().int(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export type ContinuityPlanOut = z.infer<typeof planSchema>;

/** What a tenant has before its leads write their own: the specification's minimum, to edit. */
const DEFAULT_PLAN: PlanInput = {
  contacts: [],
  deciders: "業務管理者（不在時は業務副管理者）が判断し、市の担当課へ直ちに報告する。",
  procedures: [
    "## 統合端末・ネットワークの障害",
    "1. 業務管理者へ報告し、市の担当課へ電話で連絡する。",
    "2. 発券機が使えないときは、紙の整理券（番号は事前に確保した P001 から）を配布する。",
    "3. 受付簿に番号・手続・受付時刻を記録し、復旧後にシステムへ登録する。",
    "4. 来庁者へ待ち時間と再来庁の案内を行う。",
  ].join("\n"),
  paperTicketPrefix: "P",
  paperTicketCount: 200,
  cityNoticeEmails: [],
};

const out = (row: ContinuityPlanRow | undefined): ContinuityPlanOut =>
  row
    ? {
        contacts: row.contacts as Contact[] as PlanInput["contacts"],
        deciders: row.deciders,
        procedures: row.procedures,
        paperTicketPrefix: row.paperTicketPrefix,
        paperTicketCount: row.paperTicketCount,
        cityNoticeEmails: row.cityNoticeEmails,
        version: row.version,
        savedAt: row.savedAt.toISOString(),
        savedBy: row.savedBy,
      }
    : { ...DEFAULT_PLAN, version: 0, savedAt: null, savedBy: null };

const latest = (ctx: Ctx) => latestPlan(ctx.tx, ctx.tenantId);

/** The arrangement in force: the newest version, or the default until one is saved. */
export async function continuityPlan(ctx: Ctx): Promise<ContinuityPlanOut> {
  requireAccess(ctx, "continuity.read");
  return out(await latest(ctx));
}

/** A new version; the earlier ones stay on record (a trigger refuses rewriting them). */
export async function saveContinuityPlan(ctx: Ctx, props: PlanInput): Promise<ContinuityPlanOut> {
  requireAccess(ctx, "continuity.write");
  const version = ((await latest(ctx))?.version ?? 0) + 1;
  const row = await insertPlan(ctx.tx, {
    tenantId: ctx.tenantId,
    version,
    ...props,
    savedAt: now(),
    savedBy: ctx.actor.userId,
  });
  await audit(ctx, {
    action: "continuity.save",
    entity: "continuity_plan",
    entityId: String(version),
    change: {
      version,
      contacts: props.contacts.length,
      cityNoticeEmails: props.cityNoticeEmails.length,
    },
  });
  return out(row);
}

/** Where an incident goes to the city at once: for the incidents domain. */
export async function cityNoticeAddresses(ctx: Ctx): Promise<string[]> {
  requireAccess(ctx, "incident.report");
  return (await latest(ctx))?.cityNoticeEmails ?? [];
}
