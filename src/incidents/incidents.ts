import { cityNoticeAddresses } from "../continuity/continuity.ts";
import { now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { enqueueMail } from "../platform/mail/outbox.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { INCIDENT_KIND_LABELS, type IncidentOut, SEVERITY_LABELS } from "./contract.ts";
import {
  closeIncidentRow,
  type Entry,
  entriesOf,
  findIncident,
  type Incident,
  insertEntry,
  insertIncident,
  listIncidentRows,
} from "./store.ts";

/**
 * 事故・障害 (仕様 8(2)ク・ケ, 14): reported at the counter, on the city's dashboard and in its
 * mailbox at once, followed by the city's instructions and the contractor's actions until the
 * city closes it with the measures against recurrence. The timeline only grows.
 */
const out = (i: Incident, entries: Entry[]): IncidentOut => ({
  id: i.incidentId,
  kind: i.kind as IncidentOut["kind"],
  severity: i.severity as IncidentOut["severity"],
  summary: i.summary,
  affected: i.affected,
  occurredAt: i.occurredAt.toISOString(),
  reportedAt: i.reportedAt.toISOString(),
  state: i.state as IncidentOut["state"],
  cityNotifiedAt: i.cityNotifiedAt?.toISOString() ?? null,
  closedAt: i.closedAt?.toISOString() ?? null,
  recurrencePrevention: i.recurrencePrevention,
  entries: entries.map((e) => ({
    id: e.entryId,
    kind: e.kind as IncidentOut["entries"][number]["kind"],
    text: e.text,
    at: e.at.toISOString(),
    actorRole: e.actorRole,
    actorName: e.actorName,
  })),
});

async function addEntry(ctx: Ctx, incidentId: string, kind: Entry["kind"], text: string) {
  await insertEntry(ctx.tx, {
    tenantId: ctx.tenantId,
    entryId: newId(),
    incidentId,
    kind,
    text,
    at: now(),
    actorId: ctx.actor.userId,
    actorRole: ctx.actor.role,
    actorName: ctx.actor.displayName ?? ctx.actor.userId,
  });
}

/** What is reported: the kind, how serious, what happened and when (no personal data, please). */
export interface ReportProps {
  kind: IncidentOut["kind"];
  severity: IncidentOut["severity"];
  summary: string;
  occurredAt: string;
  affected?: string | undefined;
}

export async function reportIncident(ctx: Ctx, props: ReportProps): Promise<{ id: string }> {
  requireAccess(ctx, "incident.report");
  const at = now();
  const addresses = await cityNoticeAddresses(ctx);
  const row: Incident = {
    tenantId: ctx.tenantId,
    incidentId: newId(),
    kind: props.kind,
    severity: props.severity,
    summary: props.summary,
    affected: props.affected ?? null,
    occurredAt: new Date(props.occurredAt),
    reportedAt: at,
    reportedBy: ctx.actor.userId,
    state: "open",
    cityNotifiedAt: addresses.length > 0 ? at : null,
    closedAt: null,
    closedBy: null,
    recurrencePrevention: null,
  };
  await insertIncident(ctx.tx, row);
  await addEntry(ctx, row.incidentId, "report", props.summary);
  // 直ちに報告 (仕様 14): by e-mail through the outbox, sent only if this report commits.
  const kind = INCIDENT_KIND_LABELS[props.kind];
  const severity = SEVERITY_LABELS[props.severity];
  for (const to of addresses)
    await enqueueMail(ctx.tx, ctx.tenantId, {
      kind: "incident",
      to,
      subject: `【事故・障害報告／${severity.ja}】${kind.ja}`,
      body: [
        `種別: ${kind.ja} / ${kind.en}`,
        `重大度: ${severity.ja} / ${severity.en}`,
        `発生: ${props.occurredAt}`,
        "",
        props.summary,
        "",
        "詳細と対応の記録は madoguchi の「事故・障害」画面でご確認ください。",
      ].join("\n"),
    });
  if (addresses.length > 0)
    await addEntry(ctx, row.incidentId, "notice", `${addresses.join(", ")} へ電子メールで通知`);
  await audit(ctx, {
    action: "incident.report",
    entity: "incident",
    entityId: row.incidentId,
    change: { kind: props.kind, severity: props.severity, notified: addresses.length },
  });
  await ctx.emit("incident", { incidentId: row.incidentId, action: "report" });
  return { id: row.incidentId };
}

async function lockOpen(ctx: Ctx, incidentId: string) {
  const row = await findIncident(ctx.tx, ctx.tenantId, incidentId, true);
  if (!row) throw notFound("事故・障害", "Incident");
  if (row.state === "closed")
    throw conflict(
      "incident_closed",
      "この事故・障害は終結しています。",
      "This incident is closed.",
    );
  return row;
}

/** The city's instruction, or the contractor's action or note, on the timeline. */
export async function addIncidentEntry(
  ctx: Ctx,
  props: { incidentId: string; kind: "instruction" | "action" | "note"; text: string },
) {
  requireAccess(ctx, props.kind === "instruction" ? "incident.instruct" : "incident.act");
  await lockOpen(ctx, props.incidentId);
  await addEntry(ctx, props.incidentId, props.kind, props.text);
  await audit(ctx, {
    action: `incident.${props.kind}`,
    entity: "incident",
    entityId: props.incidentId,
  });
  await ctx.emit("incident", { incidentId: props.incidentId, action: props.kind });
  return incidentById(ctx, props.incidentId);
}

/** 終結: the city closes it, with the measures against recurrence on record. */
export async function closeIncident(
  ctx: Ctx,
  props: { incidentId: string; recurrencePrevention: string; text?: string | undefined },
) {
  requireAccess(ctx, "incident.instruct");
  const row = await lockOpen(ctx, props.incidentId);
  await closeIncidentRow(ctx.tx, row, {
    state: "closed",
    closedAt: now(),
    closedBy: ctx.actor.userId,
    recurrencePrevention: props.recurrencePrevention,
  });
  await addEntry(
    ctx,
    row.incidentId,
    "closure",
    [props.text, `再発防止策: ${props.recurrencePrevention}`].filter(Boolean).join("\n"),
  );
  await audit(ctx, { action: "incident.close", entity: "incident", entityId: row.incidentId });
  await ctx.emit("incident", { incidentId: row.incidentId, action: "close" });
  return incidentById(ctx, row.incidentId);
}

async function incidentById(ctx: Ctx, incidentId: string): Promise<IncidentOut> {
  const row = await findIncident(ctx.tx, ctx.tenantId, incidentId);
  if (!row) throw notFound("事故・障害", "Incident");
  return out(row, await entriesOf(ctx.tx, ctx.tenantId, [incidentId]));
}

export async function incident(ctx: Ctx, props: { incidentId: string }) {
  requireAccess(ctx, "incident.read");
  const found = await incidentById(ctx, props.incidentId);
  await audit(ctx, { action: "incident.read", entity: "incident", entityId: props.incidentId });
  return found;
}

/** Every incident, newest first, with its timeline: the city's and the leads' list. */
export async function listIncidents(ctx: Ctx, props: { state?: "open" | "closed" | undefined }) {
  requireAccess(ctx, "incident.read");
  const rows = await listIncidentRows(ctx.tx, ctx.tenantId, props.state);
  const entries = await entriesOf(
    ctx.tx,
    ctx.tenantId,
    rows.map((r) => r.incidentId),
  );
  await audit(ctx, { action: "incident.list", entity: "incident", change: { found: rows.length } });
  return rows.map((r) =>
    out(
      r,
      entries.filter((e) => e.incidentId === r.incidentId),
    ),
  );
}
