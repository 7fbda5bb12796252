import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { retentionCounts } from "../platform/retention.ts";
import { reports } from "./schema.ts";

export type ReportRow = typeof reports.$inferSelect;

export async function insertReport(tx: Tx, row: ReportRow): Promise<void> {
  await tx.insert(reports).values(row);
}

/** Every version of one report, newest first. */
export async function versionsOf(
  db: Executor,
  tenantId: string,
  kind: string,
  period: string,
): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.kind, kind), eq(reports.period, period)))
    .orderBy(desc(reports.version));
}

export async function findReport(
  db: Executor,
  tenantId: string,
  reportId: string,
  forUpdate = false,
): Promise<ReportRow | undefined> {
  const query = db
    .select()
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.reportId, reportId)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function decideReport(
  tx: Tx,
  tenantId: string,
  reportId: string,
  change: Pick<ReportRow, "status" | "decidedAt" | "decidedBy" | "decidedByName" | "comment">,
): Promise<ReportRow> {
  const [row] = await tx
    .update(reports)
    .set(change)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.reportId, reportId)))
    .returning();
  return row!;
}

/** Every version of a kind of report whose period lies in a range (periods sort as text). */
export async function reportsBetween(
  db: Executor,
  tenantId: string,
  kind: string,
  from: string,
  to: string,
): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(reports.kind, kind),
        gte(reports.period, from),
        lte(reports.period, to),
      ),
    )
    .orderBy(asc(reports.period), desc(reports.version));
}

/** 保存期限: how many are kept until each day (仕様 14), for the retention report. */
export const retentionOf = (db: Executor, tenantId?: string) =>
  retentionCounts(db, reports, tenantId);
