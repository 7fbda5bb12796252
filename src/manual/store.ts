import { and, desc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { manualVersions } from "./schema.ts";

export type ManualVersion = typeof manualVersions.$inferSelect;

export async function newestConfirmed(db: Executor, tenantId: string) {
  const [row] = await db
    .select()
    .from(manualVersions)
    .where(and(eq(manualVersions.tenantId, tenantId), eq(manualVersions.state, "confirmed")))
    .orderBy(desc(manualVersions.number))
    .limit(1);
  return row;
}

export const listVersions = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(manualVersions)
    .where(eq(manualVersions.tenantId, tenantId))
    .orderBy(desc(manualVersions.number))
    .limit(100);

export async function findVersion(db: Executor, tenantId: string, versionId: string, lock = false) {
  const query = db
    .select()
    .from(manualVersions)
    .where(and(eq(manualVersions.tenantId, tenantId), eq(manualVersions.versionId, versionId)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function nextNumber(tx: Tx, tenantId: string) {
  const [row] = await tx
    .select({ number: manualVersions.number })
    .from(manualVersions)
    .where(eq(manualVersions.tenantId, tenantId))
    .orderBy(desc(manualVersions.number))
    .limit(1);
  return (row?.number ?? 0) + 1;
}

export async function insertVersion(tx: Tx, row: ManualVersion) {
  await tx.insert(manualVersions).values(row);
}

export async function setState(
  tx: Tx,
  row: ManualVersion,
  change: Pick<ManualVersion, "state"> & Partial<ManualVersion>,
) {
  await tx
    .update(manualVersions)
    .set(change)
    .where(
      and(eq(manualVersions.tenantId, row.tenantId), eq(manualVersions.versionId, row.versionId)),
    );
}
