import { now } from "../platform/clock.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { calendarChanged } from "./changes.ts";
import { type CalendarSettings, DEFAULT_SETTINGS } from "./rules.ts";
import { findSettings, saveSettings } from "./store.ts";
import { validateSettings } from "./validation.ts";

export async function calendarSettingsOf(ctx: Ctx): Promise<CalendarSettings> {
  requireAccess(ctx, "calendar.read");
  return (await findSettings(ctx.tx, ctx.tenantId)) ?? DEFAULT_SETTINGS;
}

/** The city's calendar settings (hours, extended days): validated, saved, audited. */
export async function updateCalendarSettings(
  ctx: Ctx,
  settings: CalendarSettings,
): Promise<CalendarSettings> {
  requireAccess(ctx, "calendar.configure");
  validateSettings(settings);
  await saveSettings(ctx.tx, ctx.tenantId, settings, ctx.actor.userId, now());
  await audit(ctx, {
    action: "calendar.settings_update",
    entity: "calendar_settings",
    entityId: ctx.tenantId,
    change: settings,
  });
  await calendarChanged(ctx);
  return settings;
}
