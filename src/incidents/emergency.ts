import { now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import type { EmergencyOut } from "./contract.ts";
import { type Call, insertCall, lockCallRow, openCalls, updateCall } from "./store.ts";

/**
 * 緊急呼出: the button on every workstation. The alarm reaches the manager's and every other
 * counter's screen (an `emergency` event on the staff's event stream, through every server
 * process), with the counter and the time; someone acknowledges it, a lead closes it with a note.
 */
export const emergencyOut = (c: Call): EmergencyOut => ({
  id: c.callId,
  counter: c.counterId,
  reason: c.reason as EmergencyOut["reason"],
  raisedAt: c.raisedAt.toISOString(),
  raisedByName: c.raisedByName,
  acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
  acknowledgedByName: c.acknowledgedByName,
  closedAt: c.closedAt?.toISOString() ?? null,
  note: c.note,
});

const announce = (ctx: Ctx, call: Call) => ctx.emit("emergency", { ...emergencyOut(call) });

export async function raiseEmergency(
  ctx: Ctx,
  props: { counter: string; reason?: EmergencyOut["reason"] | undefined },
): Promise<EmergencyOut> {
  requireAccess(ctx, "emergency.call");
  const row: Call = {
    tenantId: ctx.tenantId,
    callId: newId(),
    counterId: props.counter,
    reason: props.reason ?? "other",
    raisedAt: now(),
    raisedBy: ctx.actor.userId,
    raisedByName: ctx.actor.displayName ?? ctx.actor.userId,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedByName: null,
    closedAt: null,
    closedBy: null,
    note: null,
  };
  await insertCall(ctx.tx, row);
  await audit(ctx, {
    action: "emergency.raise",
    entity: "emergency_call",
    entityId: row.callId,
    change: { counter: row.counterId, reason: row.reason },
  });
  await announce(ctx, row);
  return emergencyOut(row);
}

async function lockCall(ctx: Ctx, callId: string) {
  const row = await lockCallRow(ctx.tx, ctx.tenantId, callId);
  if (!row) throw notFound("緊急呼出", "Emergency call");
  if (row.closedAt)
    throw conflict(
      "emergency_closed",
      "この緊急呼出は終了しています。",
      "This emergency call is closed.",
    );
  return row;
}

/** 対応します: someone is on the way; every screen shows who. */
export async function acknowledgeEmergency(ctx: Ctx, props: { callId: string }) {
  requireAccess(ctx, "emergency.call");
  const row = await lockCall(ctx, props.callId);
  if (row.acknowledgedAt) return emergencyOut(row);
  const updated = await updateCall(ctx.tx, row, {
    acknowledgedAt: now(),
    acknowledgedBy: ctx.actor.userId,
    acknowledgedByName: ctx.actor.displayName ?? ctx.actor.userId,
  });
  await audit(ctx, {
    action: "emergency.acknowledge",
    entity: "emergency_call",
    entityId: row.callId,
  });
  await announce(ctx, updated);
  return emergencyOut(updated);
}

/** 終了: a lead closes the call with what happened. */
export async function closeEmergency(ctx: Ctx, props: { callId: string; note: string }) {
  requireAccess(ctx, "emergency.close");
  const row = await lockCall(ctx, props.callId);
  const at = now();
  const updated = await updateCall(ctx.tx, row, {
    closedAt: at,
    closedBy: ctx.actor.userId,
    note: props.note,
    acknowledgedAt: row.acknowledgedAt ?? at,
    acknowledgedBy: row.acknowledgedBy ?? ctx.actor.userId,
    acknowledgedByName: row.acknowledgedByName ?? ctx.actor.displayName ?? ctx.actor.userId,
  });
  await audit(ctx, {
    action: "emergency.close",
    entity: "emergency_call",
    entityId: row.callId,
    change: { note: props.note },
  });
  await announce(ctx, updated);
  return emergencyOut(updated);
}

/** Calls not yet closed: what a screen opened mid-alarm shows. */
export async function openEmergencies(ctx: Ctx): Promise<EmergencyOut[]> {
  requireAccess(ctx, "emergency.call");
  const rows = await openCalls(ctx.tx, ctx.tenantId);
  return rows.map(emergencyOut);
}
