import type { z } from "zod";
import { now, todayInTokyo } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import {
  type decisionInput,
  type requestInput,
  STATE_LABELS,
  type SubcontractOut,
} from "./contract.ts";
import { type Area, checkSubcontractable, inForce } from "./rules.ts";
import {
  insertRequest,
  listRequests,
  lockRequest,
  type SubcontractRequest,
  updateRequest,
} from "./store.ts";

const out = (r: SubcontractRequest, today: string): SubcontractOut => ({
  id: r.requestId,
  subcontractor: r.subcontractor,
  address: r.address,
  areas: r.areas as Area[],
  scope: r.scope,
  reason: r.reason,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  handlesPersonalData: r.handlesPersonalData,
  safeguards: r.safeguards,
  state: r.state as SubcontractOut["state"],
  inForce: inForce(r, today),
  requestedByName: r.requestedByName,
  requestedAt: r.requestedAt.toISOString(),
  decision: (r.decision as SubcontractOut["decision"]) ?? null,
});

/** The contractor asks the city's consent to subcontract a part of the work. */
export async function requestConsent(ctx: Ctx, props: z.infer<typeof requestInput>) {
  requireAccess(ctx, "subcontract.request");
  checkSubcontractable(props.areas);
  const row: SubcontractRequest = {
    tenantId: ctx.tenantId,
    requestId: newId(),
    ...props,
    state: "requested",
    requestedBy: ctx.actor.userId,
    requestedByName: ctx.actor.displayName ?? ctx.actor.userId,
    requestedAt: now(),
    decision: null,
  };
  await insertRequest(ctx.tx, row);
  await audit(ctx, {
    action: "subcontract.request",
    entity: "subcontract",
    entityId: row.requestId,
    change: { subcontractor: props.subcontractor, areas: props.areas },
  });
  return out(row, todayInTokyo());
}

async function awaiting(ctx: Ctx, requestId: string, step: string) {
  const row = await lockRequest(ctx.tx, ctx.tenantId, requestId);
  if (!row) throw notFound("再委託の承諾申請", "Subcontracting request");
  if (row.state !== "requested")
    throw conflict(
      `cannot_${step}`,
      `この申請は既に「${STATE_LABELS[row.state as SubcontractOut["state"]]?.ja ?? row.state}」です。`,
      `The request is already ${row.state}.`,
    );
  return row;
}

/** The city's written answer: consent (with its conditions) or refusal, under a document number. */
export async function decideConsent(
  ctx: Ctx,
  props: { requestId: string } & z.infer<typeof decisionInput>,
) {
  requireAccess(ctx, "subcontract.decide");
  const row = await awaiting(ctx, props.requestId, "decide");
  const { requestId: _, ...decision } = props;
  const updated = await updateRequest(ctx.tx, row, {
    state: props.decision,
    decision: {
      ...decision,
      byName: ctx.actor.displayName ?? ctx.actor.userId,
      at: now().toISOString(),
    },
  });
  await audit(ctx, {
    action: "subcontract.decide",
    entity: "subcontract",
    entityId: row.requestId,
    change: { decision: props.decision, documentNumber: props.documentNumber },
  });
  return out(updated, todayInTokyo());
}

/** The contractor takes back a request the city has not answered. */
export async function withdrawRequest(ctx: Ctx, props: { requestId: string }) {
  requireAccess(ctx, "subcontract.request");
  const row = await awaiting(ctx, props.requestId, "withdraw");
  const updated = await updateRequest(ctx.tx, row, { state: "withdrawn" });
  await audit(ctx, {
    action: "subcontract.withdraw",
    entity: "subcontract",
    entityId: row.requestId,
  });
  return out(updated, todayInTokyo());
}

/** Every request and answer, newest first, with whether each consent is in force today. */
export async function subcontractList(ctx: Ctx): Promise<SubcontractOut[]> {
  requireAccess(ctx, "subcontract.read");
  const today = todayInTokyo();
  return (await listRequests(ctx.tx, ctx.tenantId)).map((r) => out(r, today));
}
