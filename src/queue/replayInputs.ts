import { addDays } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/days.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import { requireEssentialNoticesRead } from "../notices/notices.ts";
import type { Actor } from "../platform/actor.ts";
import type { Ctx } from "../platform/operation.ts";
import { servingReadiness } from "../roster/readiness.ts";
import { catalogueOf } from "./catalogueCache.ts";
import { HISTORY_DAYS, type ServiceSample } from "./serviceProfile.ts";
import { type CounterSession, openSessionsOf } from "./store.ts";
import { recentServiceMinutes } from "./ticketStore.ts";

/** What a queue replay (replay.ts) starts from: the catalogue, the days, the past, who may serve. */
export interface QueueReplayInputs {
  catalogue: Awaited<ReturnType<typeof catalogueOf>>;
  calendar: ReadonlyMap<string, BusinessDay>;
  /** The counter's completed procedures before the replay, newest first (the predictor's past). */
  past: ServiceSample[];
  /** Who may open a counter on a day (the roster and training), per user: throws as openCounter does. */
  readiness: ReadonlyMap<string, (day: string) => unknown>;
  /** Sessions still open when the replay starts. */
  open: CounterSession[];
}

/** What the predictor learns from: the most recent this many procedures. */
export const SAMPLES = 2000;

/** Reads what a replay of these days starts from, through the owning domains. */
export async function loadQueueReplay(
  ctx: Ctx,
  props: { from: string; to: string; staff: Actor[] },
): Promise<QueueReplayInputs> {
  const catalogue = await catalogueOf(ctx.tx, ctx.tenantId);
  const days = await calendarRange(ctx.tx, ctx.tenantId, props.from, props.to);
  const past = await recentServiceMinutes(
    ctx.tx,
    ctx.tenantId,
    addDays(props.from, -HISTORY_DAYS),
    props.from,
    SAMPLES,
  );
  const readiness = new Map<string, (day: string) => unknown>();
  for (const actor of props.staff) {
    readiness.set(actor.userId, await servingReadiness(ctx, actor.userId));
    // 周知徹底: read as the person, as openCounter reads it (nothing published later is known).
    await requireEssentialNoticesRead({ ...ctx, actor });
  }
  return {
    catalogue,
    calendar: new Map(days.map((d) => [d.date, d])),
    past,
    readiness,
    open: await openSessionsOf(ctx.tx, ctx.tenantId),
  };
}
