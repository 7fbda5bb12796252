import { displayNamesOf } from "../auth/users.ts";
import { tokyoInstant } from "../clock.ts";
import { audit, type Ctx, requireAccess } from "../operation.ts";
import { actionLabel } from "./labels.ts";
import { type AuditQuery, listAuditEvents, verifyAuditChain } from "./store.ts";

/** What the city filters the trail by: a period of days (Tokyo), an actor, an action or category. */
export interface AuditFilter {
  beforeSeq?: number | undefined;
  limit: number;
  action?: string | undefined;
  actorId?: string | undefined;
  /** YYYY-MM-DD, both days included. */
  from?: string | undefined;
  to?: string | undefined;
}

function queryOf(filter: AuditFilter): AuditQuery {
  const nextDay = (date: string) => new Date(tokyoInstant(date, "00:00").getTime() + 86_400_000);
  return {
    beforeSeq: filter.beforeSeq,
    limit: filter.limit,
    action: filter.action,
    actorId: filter.actorId,
    from: filter.from ? tokyoInstant(filter.from, "00:00") : undefined,
    until: filter.to ? nextDay(filter.to) : undefined,
  };
}

/** Events with the name of who acted (a user's display name; the system and citizens as such). */
async function withNames(ctx: Ctx, rows: Awaited<ReturnType<typeof listAuditEvents>>) {
  const names = await displayNamesOf(ctx.tx, [...new Set(rows.map((r) => r.actorId))]);
  return rows.map((row) => ({ ...row, actorName: names.get(row.actorId) ?? null }));
}

/** The tenant's events for the city and the administrator; reading who did what is itself audited. */
export async function browseAudit(ctx: Ctx, filter: AuditFilter) {
  requireAccess(ctx, "audit.read");
  const rows = await listAuditEvents(ctx.tx, ctx.tenantId, queryOf(filter));
  await audit(ctx, { action: "audit.read", entity: "audit_event", change: filter });
  return withNames(ctx, rows);
}

const CSV_LIMIT = 10_000;
const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? "" : String(value);
  // A leading = + - @ would be a formula in a spreadsheet: quoted and prefixed so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * 監査ログの出力: the filtered trail (up to 10,000 events) as CSV for Excel (UTF-8 with a BOM,
 * Japanese headings and action names). The export is itself audited.
 */
export async function exportAudit(ctx: Ctx, filter: Omit<AuditFilter, "limit" | "beforeSeq">) {
  requireAccess(ctx, "audit.read");
  const rows = await withNames(
    ctx,
    await listAuditEvents(ctx.tx, ctx.tenantId, queryOf({ ...filter, limit: CSV_LIMIT })),
  );
  await audit(ctx, {
    action: "audit.export",
    entity: "audit_event",
    change: { ...filter, count: rows.length },
  });
  const head = [
    "番号",
    "日時",
    "操作者",
    "操作者ID",
    "役割",
    "操作",
    "操作コード",
    "対象",
    "対象ID",
    "接続元",
  ];
  const lines = rows.map((r) =>
    [
      r.seq,
      r.at.toISOString(),
      r.actorName ?? r.actorId,
      r.actorId,
      r.actorRole,
      actionLabel(r.action, "ja"),
      r.action,
      r.entity,
      r.entityId,
      r.clientIp,
    ]
      .map(csvCell)
      .join(","),
  );
  return `\uFEFF${[head.join(","), ...lines].join("\r\n")}\r\n`;
}

/** Recomputes the tenant's chain: intact, or the first broken event. */
export async function verifyTenantChain(ctx: Ctx) {
  requireAccess(ctx, "audit.read");
  return verifyAuditChain(ctx.tx, ctx.tenantId);
}
