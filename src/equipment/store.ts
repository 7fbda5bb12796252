import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { CITY_EQUIPMENT, TERMINAL_KINDS } from "./rules.ts";
import { equipmentFaults, equipmentItems, equipmentRepairs } from "./schema.ts";

export type EquipmentItem = typeof equipmentItems.$inferSelect;
export type EquipmentFault = typeof equipmentFaults.$inferSelect;
export type EquipmentRepair = typeof equipmentRepairs.$inferSelect;

/** A new tenant's ledger: what the city lends (仕様 7). */
export async function seedEquipment(tx: Tx, tenantId: string): Promise<void> {
  const at = new Date();
  await tx
    .insert(equipmentItems)
    .values(
      CITY_EQUIPMENT.map((e) => ({
        tenantId,
        itemId: e.itemId,
        kind: e.kind,
        nameJa: e.nameJa,
        owner: e.owner,
        location: e.location ?? null,
        counterId: e.counterId ?? null,
        state: "in_service",
        updatedAt: at,
      })),
    )
    .onConflictDoNothing();
}

/**
 * The queue's terminals, read from the ledger (one list): the id, the queue's kind, the name and
 * whether it is in service. Exported for the queue's catalogue cache, which reads without a
 * context; every write to an item goes through this domain's operations.
 */
export async function terminalsOf(db: Executor, tenantId: string) {
  const rows = await db
    .select()
    .from(equipmentItems)
    .where(
      and(
        eq(equipmentItems.tenantId, tenantId),
        inArray(equipmentItems.kind, Object.keys(TERMINAL_KINDS)),
      ),
    )
    .orderBy(asc(equipmentItems.itemId));
  return rows
    .filter((r) => r.state !== "withdrawn")
    .map((r) => ({
      tenantId: r.tenantId,
      terminalId: r.itemId,
      kind: TERMINAL_KINDS[r.kind]!,
      nameJa: r.nameJa,
      inService: r.state === "in_service",
    }));
}
export type Terminal = Awaited<ReturnType<typeof terminalsOf>>[number];

export const listItems = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(equipmentItems)
    .where(eq(equipmentItems.tenantId, tenantId))
    .orderBy(asc(equipmentItems.kind), asc(equipmentItems.itemId));

export async function lockItem(tx: Tx, tenantId: string, itemId: string) {
  const [row] = await tx
    .select()
    .from(equipmentItems)
    .where(and(eq(equipmentItems.tenantId, tenantId), eq(equipmentItems.itemId, itemId)))
    .for("update");
  return row;
}

export async function insertItem(tx: Tx, row: EquipmentItem) {
  await tx.insert(equipmentItems).values(row);
}

export async function setItemState(tx: Tx, item: EquipmentItem, state: string, at: Date) {
  const [row] = await tx
    .update(equipmentItems)
    .set({ state, updatedAt: at })
    .where(and(eq(equipmentItems.tenantId, item.tenantId), eq(equipmentItems.itemId, item.itemId)))
    .returning();
  return row!;
}

export async function insertFault(tx: Tx, row: EquipmentFault) {
  await tx.insert(equipmentFaults).values(row);
}

export async function insertRepair(tx: Tx, row: EquipmentRepair) {
  await tx.insert(equipmentRepairs).values(row);
}

/** The repair of an item still open (sent, not back), if any. */
export async function openRepair(tx: Tx, tenantId: string, itemId: string) {
  const [row] = await tx
    .select()
    .from(equipmentRepairs)
    .where(and(eq(equipmentRepairs.tenantId, tenantId), eq(equipmentRepairs.itemId, itemId)))
    .orderBy(desc(equipmentRepairs.startedOn))
    .limit(1);
  return row && row.finishedOn === null ? row : undefined;
}

export async function finishRepair(
  tx: Tx,
  repair: EquipmentRepair,
  change: Pick<EquipmentRepair, "finishedOn" | "costYen" | "vendor" | "note">,
) {
  await tx
    .update(equipmentRepairs)
    .set(change)
    .where(
      and(
        eq(equipmentRepairs.tenantId, repair.tenantId),
        eq(equipmentRepairs.repairId, repair.repairId),
      ),
    );
}

export async function historyOf(db: Executor, tenantId: string, itemId?: string) {
  const faultFilter = and(
    eq(equipmentFaults.tenantId, tenantId),
    itemId ? eq(equipmentFaults.itemId, itemId) : undefined,
  );
  const repairFilter = and(
    eq(equipmentRepairs.tenantId, tenantId),
    itemId ? eq(equipmentRepairs.itemId, itemId) : undefined,
  );
  const faults = await db
    .select()
    .from(equipmentFaults)
    .where(faultFilter)
    .orderBy(desc(equipmentFaults.reportedAt));
  const repairs = await db
    .select()
    .from(equipmentRepairs)
    .where(repairFilter)
    .orderBy(desc(equipmentRepairs.startedOn));
  return { faults, repairs };
}
