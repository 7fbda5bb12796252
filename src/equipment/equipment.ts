import { localDate, now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import type { ItemOut } from "./contract.ts";
import {
  EQUIPMENT_KINDS,
  type EquipmentKind,
  type EquipmentState,
  type EquipmentStep,
  nextEquipmentState,
  TERMINAL_KINDS,
} from "./rules.ts";
import {
  type EquipmentItem,
  finishRepair,
  historyOf,
  insertFault,
  insertItem,
  insertRepair,
  listItems,
  lockItem,
  openRepair,
  setItemState,
} from "./store.ts";

/**
 * 備品台帳 (仕様 7): the ledger of what the city lends and the contractor brings, each fault,
 * repair and return to service audited. A terminal's state is the queue's too: every process
 * drops its catalogue when one changes, so counters and estimates follow at once.
 */
const itemOut = (r: EquipmentItem): ItemOut => ({
  id: r.itemId,
  kind: r.kind as ItemOut["kind"],
  nameJa: r.nameJa,
  owner: r.owner as ItemOut["owner"],
  location: r.location,
  counterId: r.counterId,
  state: r.state as EquipmentState,
  updatedAt: r.updatedAt.toISOString(),
});

export async function equipmentLedger(ctx: Ctx): Promise<ItemOut[]> {
  requireAccess(ctx, "equipment.read");
  // Terminals first, as the specification lists what the city lends; numbers in their order.
  const rank = (kind: string) => EQUIPMENT_KINDS.indexOf(kind as EquipmentKind);
  return (await listItems(ctx.tx, ctx.tenantId))
    .sort(
      (a, b) =>
        rank(a.kind) - rank(b.kind) || a.itemId.localeCompare(b.itemId, "en", { numeric: true }),
    )
    .map(itemOut);
}

/** An item added to the ledger (the contractor's own equipment, a new loan from the city). */
export interface NewItemProps {
  id: string;
  kind: ItemOut["kind"];
  nameJa: string;
  owner: "city" | "contractor";
  location?: string | undefined;
  counterId?: string | undefined;
}

export async function addItem(ctx: Ctx, props: NewItemProps): Promise<ItemOut> {
  requireAccess(ctx, "equipment.manage");
  const row: EquipmentItem = {
    tenantId: ctx.tenantId,
    itemId: props.id,
    kind: props.kind,
    nameJa: props.nameJa,
    owner: props.owner,
    location: props.location ?? null,
    counterId: props.counterId ?? null,
    state: "in_service",
    updatedAt: now(),
  };
  await uniquely(
    ctx,
    (tx) => insertItem(tx, row),
    () =>
      conflict(
        "item_exists",
        `備品 ${props.id} はすでに台帳にあります。`,
        `${props.id} is already in the ledger.`,
      ),
  );
  await audit(ctx, {
    action: "equipment.add",
    entity: "equipment",
    entityId: row.itemId,
    change: props,
  });
  await changed(ctx, row);
  return itemOut(row);
}

async function step(ctx: Ctx, itemId: string, action: EquipmentStep) {
  const item = await lockItem(ctx.tx, ctx.tenantId, itemId);
  if (!item) throw notFound("備品", "Equipment item");
  const to = nextEquipmentState(item.state as EquipmentState, action);
  if (!to)
    throw conflict(
      `cannot_${action}`,
      `この状態の備品には行えません（現在: ${item.state}）。`,
      `Not possible for an item that is ${item.state.replace("_", " ")}.`,
      { state: item.state },
    );
  return { item, updated: await setItemState(ctx.tx, item, to, now()) };
}

/** A terminal's change reaches the queue on every process; others only the ledger's readers. */
async function changed(ctx: Ctx, item: EquipmentItem) {
  if (TERMINAL_KINDS[item.kind]) await ctx.emit("catalogue", { equipment: item.itemId });
}

/** 故障・破損の報告: the item is faulty from now; a terminal leaves the queue's capacity. */
export async function reportFault(
  ctx: Ctx,
  props: { itemId: string; description: string; contractorLiable?: boolean | undefined },
) {
  requireAccess(ctx, "equipment.report_fault");
  const { updated } = await step(ctx, props.itemId, "fault");
  const fault = {
    tenantId: ctx.tenantId,
    faultId: newId(),
    itemId: props.itemId,
    description: props.description,
    contractorLiable: props.contractorLiable ?? false,
    reportedAt: now(),
    reportedBy: ctx.actor.userId,
  };
  await insertFault(ctx.tx, fault);
  await audit(ctx, {
    action: "equipment.fault",
    entity: "equipment",
    entityId: props.itemId,
    change: { description: props.description, contractorLiable: fault.contractorLiable },
  });
  await changed(ctx, updated);
  return {
    id: fault.faultId,
    itemId: fault.itemId,
    description: fault.description,
    contractorLiable: fault.contractorLiable,
    reportedAt: fault.reportedAt.toISOString(),
  };
}

/** 修理に出す. */
export async function sendForRepair(
  ctx: Ctx,
  props: {
    itemId: string;
    startedOn: string;
    vendor?: string | undefined;
    note?: string | undefined;
  },
): Promise<ItemOut> {
  requireAccess(ctx, "equipment.manage");
  const { updated } = await step(ctx, props.itemId, "repair");
  await insertRepair(ctx.tx, {
    tenantId: ctx.tenantId,
    repairId: newId(),
    itemId: props.itemId,
    startedOn: props.startedOn,
    finishedOn: null,
    vendor: props.vendor ?? null,
    costYen: null,
    note: props.note ?? null,
    recordedBy: ctx.actor.userId,
  });
  await audit(ctx, {
    action: "equipment.repair",
    entity: "equipment",
    entityId: props.itemId,
    change: props,
  });
  await changed(ctx, updated);
  return itemOut(updated);
}

/** 復旧: back in service, closing its repair with the date and cost where there was one. */
export async function returnToService(
  ctx: Ctx,
  props: {
    itemId: string;
    finishedOn?: string | undefined;
    costYen?: number | undefined;
    note?: string | undefined;
  },
): Promise<ItemOut> {
  requireAccess(ctx, "equipment.manage");
  const { updated } = await step(ctx, props.itemId, "return");
  const repair = await openRepair(ctx.tx, ctx.tenantId, props.itemId);
  if (repair)
    await finishRepair(ctx.tx, repair, {
      finishedOn: props.finishedOn ?? localDate(now()),
      costYen: props.costYen ?? null,
      vendor: repair.vendor,
      note: props.note ?? repair.note,
    });
  await audit(ctx, {
    action: "equipment.return",
    entity: "equipment",
    entityId: props.itemId,
    change: props,
  });
  await changed(ctx, updated);
  return itemOut(updated);
}

/** 廃止: out of the ledger's use for good (kept on record). */
export async function withdrawItem(ctx: Ctx, props: { itemId: string }): Promise<ItemOut> {
  requireAccess(ctx, "equipment.manage");
  const { updated } = await step(ctx, props.itemId, "withdraw");
  await audit(ctx, { action: "equipment.withdraw", entity: "equipment", entityId: props.itemId });
  await changed(ctx, updated);
  return itemOut(updated);
}

/** Faults and repairs, of one item or all. */
export async function equipmentHistory(ctx: Ctx, props: { itemId?: string | undefined }) {
  requireAccess(ctx, "equipment.read");
  const { faults, repairs } = await historyOf(ctx.tx, ctx.tenantId, props.itemId);
  return {
    faults: faults.map((f) => ({
      id: f.faultId,
      itemId: f.itemId,
      description: f.description,
      contractorLiable: f.contractorLiable,
      reportedAt: f.reportedAt.toISOString(),
    })),
    repairs: repairs.map((r) => ({
      id: r.repairId,
      itemId: r.itemId,
      startedOn: r.startedOn,
      finishedOn: r.finishedOn,
      vendor: r.vendor,
      costYen: r.costYen,
      note: r.note,
    })),
  };
}
