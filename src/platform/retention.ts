import { eq, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./db/index.ts";
import { findTenant } from "./tenancy/store.ts";

/**
 * 保存期間 (仕様 14): the contract's documents and books are kept five years after the end of the
 * Japanese fiscal year (April to March) in which the contract ends — or, for a record made after
 * it ended, in which the record was made — and cannot be deleted before that day: the database
 * refuses (a trigger on each kept table, migration 0017).
 */
export const RETENTION_YEARS = 5;

/** 31 March ending the fiscal year that contains the date (April–March). */
export function fiscalYearEnd(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${month >= 4 ? year + 1 : year}-03-31`;
}

/** The day until which a record made on `madeOn` under a contract ending `contractEnd` is kept. */
export function retentionDeadline(madeOn: string, contractEnd: string): string {
  const end = fiscalYearEnd(madeOn > contractEnd ? madeOn : contractEnd);
  return `${Number(end.slice(0, 4)) + RETENTION_YEARS}-03-31`;
}

/** The deadline for a record of this tenant made on a day. */
export async function retainUntil(db: Executor, tenantId: string, madeOn: string): Promise<string> {
  const tenant = await findTenant(db, tenantId);
  if (!tenant) throw new Error(`no such tenant: ${tenantId}`);
  return retentionDeadline(madeOn, tenant.contractEnd);
}

/** A kept table: tenant-scoped, each row with its retention deadline. */
export type KeptTable = PgTable & { tenantId: AnyPgColumn; retainUntil: AnyPgColumn };

/** How many rows of a kept table are kept until each day, per tenant: for the retention report. */
export async function retentionCounts(db: Executor, table: KeptTable, tenantId?: string) {
  return db
    .select({
      tenantId: sql<string>`${table.tenantId}`,
      retainUntil: sql<string>`${table.retainUntil}::text`,
      count: sql<number>`count(*)::int`,
    })
    .from(table)
    .where(tenantId ? eq(table.tenantId, tenantId) : undefined)
    .groupBy(table.tenantId, table.retainUntil)
    .orderBy(table.retainUntil);
}
