import { now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import { catalogueChanged } from "./catalogueCache.ts";
import { announce } from "./events.ts";
import { checkProcedures } from "./issue.ts";
import {
  type Counter,
  findQueueSettings,
  insertCounter,
  insertProcedure,
  listGroups,
  listProcedures,
  listTerminals,
  type Procedure,
  type QueueSettings,
  saveQueueSettings,
  updateProcedure,
} from "./store.ts";

export async function queueSettingsOf(ctx: Ctx): Promise<QueueSettings> {
  requireAccess(ctx, "queue.read");
  return findQueueSettings(ctx.tx, ctx.tenantId);
}

/** The manager sets the alert thresholds and the recalls before a no-show. */
export async function updateQueueSettings(
  ctx: Ctx,
  settings: QueueSettings,
): Promise<QueueSettings> {
  requireAccess(ctx, "queue.configure");
  await saveQueueSettings(ctx.tx, ctx.tenantId, settings, ctx.actor.userId, now());
  await audit(ctx, {
    action: "queue.settings_update",
    entity: "queue_settings",
    entityId: ctx.tenantId,
    change: settings,
  });
  await catalogueChanged(ctx);
  await announce(ctx, { type: "counter", action: "settings" });
  return settings;
}

/** A new counter (窓口): its number, name, default terminal and the procedures it serves (all when empty). */
export interface NewCounter {
  counterId: string;
  nameJa: string;
  defaultTerminalId?: string | undefined;
  procedureCodes?: string[] | undefined;
}

/** Counters (窓口) are configuration (§5): a new one for a new desk, or a temporary one for a busy day. */
export async function addCounter(ctx: Ctx, input: NewCounter): Promise<Counter> {
  requireAccess(ctx, "queue.configure");
  const terminals = await listTerminals(ctx.tx, ctx.tenantId);
  if (input.defaultTerminalId && !terminals.some((t) => t.terminalId === input.defaultTerminalId))
    throw notFound("端末", "Terminal");
  if (input.procedureCodes?.length)
    checkProcedures(await listProcedures(ctx.tx, ctx.tenantId), input.procedureCodes);
  const row: Counter = {
    tenantId: ctx.tenantId,
    counterId: input.counterId,
    nameJa: input.nameJa,
    defaultTerminalId: input.defaultTerminalId ?? null,
    procedureCodes: input.procedureCodes ?? [],
  };
  await uniquely(
    ctx,
    (tx) => insertCounter(tx, row),
    () =>
      conflict("counter_exists", "この窓口番号は既にあります。", "This counter already exists."),
  );
  await audit(ctx, {
    action: "counter.create",
    entity: "counter",
    entityId: row.counterId,
    change: row,
  });
  // After the commit: dropped earlier, a concurrent read could cache the old catalogue again.
  await catalogueChanged(ctx);
  return row;
}

/** A procedure managers add: names, standard minutes, its group, and the report category it counts under. */
export interface NewProcedure {
  code: string;
  nameJa: string;
  nameEn: string;
  standardMinutes: number;
  groupCode: string;
  needsIntegratedTerminal: boolean;
  reportCategory?: string | undefined;
  /** What to bring (持ち物), in both languages; empty when nothing is needed. */
  bringJa?: string | undefined;
  bringEn?: string | undefined;
}

/** Managers add procedures; they are served at the counter and counted under their report category. */
export async function addProcedure(ctx: Ctx, input: NewProcedure): Promise<Procedure> {
  requireAccess(ctx, "queue.configure");
  const all = await listProcedures(ctx.tx, ctx.tenantId);
  const groups = await listGroups(ctx.tx, ctx.tenantId);
  if (!groups.some((g) => g.groupCode === input.groupCode))
    throw notFound("手続グループ", "Procedure group");
  const row: Procedure = {
    tenantId: ctx.tenantId,
    code: input.code,
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    standardMinutes: input.standardMinutes,
    needsIntegratedTerminal: input.needsIntegratedTerminal,
    reportCategory: input.reportCategory ?? input.code,
    atCounter: true,
    groupCode: input.groupCode,
    sort: Math.max(0, ...all.map((p) => p.sort)) + 1,
    retiredAt: null,
    bringJa: input.bringJa ?? "",
    bringEn: input.bringEn ?? "",
  };
  await uniquely(
    ctx,
    (tx) => insertProcedure(tx, row),
    () =>
      conflict(
        "procedure_exists",
        "この手続コードは既にあります。",
        "This procedure code already exists.",
      ),
  );
  await audit(ctx, {
    action: "procedure.create",
    entity: "procedure",
    entityId: row.code,
    change: row,
  });
  await catalogueChanged(ctx);
  return row;
}

/** What may change on a procedure: names, standard minutes, what to bring, retired or not. */
export interface ProcedureChange {
  code: string;
  nameJa?: string | undefined;
  nameEn?: string | undefined;
  standardMinutes?: number | undefined;
  bringJa?: string | undefined;
  bringEn?: string | undefined;
  retired?: boolean | undefined;
}

/** Rename, re-time or retire a procedure; a retired one stays in history and in past records. */
export async function changeProcedure(ctx: Ctx, props: ProcedureChange): Promise<Procedure> {
  requireAccess(ctx, "queue.configure");
  const { code, retired, ...rest } = props;
  const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const row = await updateProcedure(ctx.tx, ctx.tenantId, code, {
    ...changes,
    ...(retired === undefined ? {} : { retiredAt: retired ? now() : null }),
  });
  if (!row) throw notFound("手続", "Procedure");
  await audit(ctx, {
    action: retired ? "procedure.retire" : "procedure.update",
    entity: "procedure",
    entityId: code,
    change: { ...rest, retired },
  });
  await catalogueChanged(ctx);
  return row;
}
