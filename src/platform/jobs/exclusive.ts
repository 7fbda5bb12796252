import { sql } from "drizzle-orm";
import { type Db, queryRows, runsOneTransactionAtATime, transaction } from "../db/index.ts";
import { tenants } from "../tenancy/schema.ts";

/**
 * Runs a job unless another process is running it now: a transaction-scoped advisory lock, held
 * on one connection while the work uses others, released when that transaction ends (also if the
 * process dies). PGlite belongs to one process (the data-folder lock), so it needs none.
 * Returns undefined when another process held the job.
 */
export async function runExclusive<T>(
  db: Db,
  job: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (runsOneTransactionAtATime(db)) return work();
  return transaction(db, async (tx) => {
    const [row] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtext(${`madoguchi:job:${job}`})) as locked`,
    );
    return row?.locked ? work() : undefined;
  });
}

/**
 * Every tenant's id: the one cross-tenant read, for jobs that then act in each tenant through
 * that tenant's own, tenant-scoped operations.
 */
export async function allTenantIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ tenantId: tenants.tenantId })
    .from(tenants)
    .orderBy(tenants.tenantId);
  return rows.map((r) => r.tenantId);
}
