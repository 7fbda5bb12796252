import { eq, inArray } from "drizzle-orm";
import { now } from "../clock.ts";
import type { Executor, Tx } from "../db/index.ts";
import { type ReferenceFigures, tenants } from "./schema.ts";

export type Tenant = typeof tenants.$inferSelect;

export interface NewTenant {
  tenantId: string;
  nameJa: string;
  nameEn: string;
  contractStart: string;
  contractEnd: string;
  serviceStart: string;
  timeZone?: string;
  reference: ReferenceFigures;
}

export async function insertTenant(tx: Tx, input: NewTenant): Promise<Tenant> {
  const [row] = await tx
    .insert(tenants)
    .values({ timeZone: "Asia/Tokyo", ...input, createdAt: now() })
    .returning();
  return row!;
}

export async function findTenant(db: Executor, tenantId: string): Promise<Tenant | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.tenantId, tenantId));
  return row;
}

export async function findTenants(db: Executor, tenantIds: string[]): Promise<Tenant[]> {
  if (tenantIds.length === 0) return [];
  return db
    .select()
    .from(tenants)
    .where(inArray(tenants.tenantId, tenantIds))
    .orderBy(tenants.tenantId);
}

export async function countTenants(db: Executor): Promise<number> {
  return (await db.$count(tenants)) as number;
}
