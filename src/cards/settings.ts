import { eq } from "drizzle-orm";
import { now } from "../platform/clock.ts";
import type { Executor } from "../platform/db/index.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { cardSettings } from "./schema.ts";

/** Until the city sets its own: an unclaimed card is returned six months after its notice. */
export const DEFAULT_DISPOSAL_DAYS = 183;
/** 特急発行: an express card is set up by the day after its delivery unless the city says otherwise. */
export const DEFAULT_EXPRESS_SETUP_DAYS = 1;

export async function findCardSettings(db: Executor, tenantId: string) {
  const [row] = await db.select().from(cardSettings).where(eq(cardSettings.tenantId, tenantId));
  return {
    disposalAfterDays: row?.disposalAfterDays ?? DEFAULT_DISPOSAL_DAYS,
    expressSetupDays: row?.expressSetupDays ?? DEFAULT_EXPRESS_SETUP_DAYS,
  };
}

export async function cardSettingsOf(ctx: Ctx) {
  requireAccess(ctx, "card.read");
  return findCardSettings(ctx.tx, ctx.tenantId);
}

/** The city sets the period before unclaimed cards go back for disposal, and the express deadline. */
export async function updateCardSettings(
  ctx: Ctx,
  props: { disposalAfterDays?: number | undefined; expressSetupDays?: number | undefined },
) {
  requireAccess(ctx, "card.configure");
  const current = await findCardSettings(ctx.tx, ctx.tenantId);
  const settings = {
    disposalAfterDays: props.disposalAfterDays ?? current.disposalAfterDays,
    expressSetupDays: props.expressSetupDays ?? current.expressSetupDays,
  };
  const row = {
    tenantId: ctx.tenantId,
    ...settings,
    updatedBy: ctx.actor.userId,
    updatedAt: now(),
  };
  await ctx.tx
    .insert(cardSettings)
    .values(row)
    .onConflictDoUpdate({ target: cardSettings.tenantId, set: row });
  await audit(ctx, { action: "card.settings_update", entity: "card_settings", change: settings });
  return settings;
}
