import type { CalendarSettings } from "../calendar/rules.ts";
import { updateCalendarSettings } from "../calendar/settings.ts";
import { saveContinuityPlan } from "../continuity/continuity.ts";
import { addItem, equipmentLedger } from "../equipment/equipment.ts";
import type { EquipmentKind } from "../equipment/rules.ts";
import { writeVersion } from "../manual/manual.ts";
import { unprocessable } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import {
  addCounter,
  addProcedure,
  changeProcedure,
  updateQueueSettings,
} from "../queue/configuration.ts";
import { catalogueView } from "../queue/reads.ts";
import type { QueueSettings } from "../queue/store.ts";
import { addCourse, trainingOverview } from "../training/courses.ts";
import type { HandoverPackage } from "./handover.ts";

/**
 * A handover package taken in by the next contract's tenant, through the domains' operations:
 * procedures added or brought in line, counters and equipment added where missing, the queue's
 * and the calendar's settings, the outage procedures, the training courses; the manual comes as
 * a draft for the new contract's city to confirm. What is already there stays unless the package
 * says otherwise.
 */
export async function importHandover(ctx: Ctx, pkg: HandoverPackage) {
  requireAccess(ctx, "handover.import");
  if (pkg?.format !== "madoguchi-handover/1")
    throw unprocessable(
      "not_a_handover_package",
      "引継パッケージの形式ではありません。",
      "This is not a handover package.",
    );
  const config = pkg.configuration;
  const catalogue = await catalogueView(ctx);
  const groups = new Set(catalogue.groups.map((g) => g.groupCode));
  const have = new Map(catalogue.procedures.map((p) => [p.code, p]));
  let procedures = 0;
  for (const p of config.procedures) {
    if (!groups.has(p.groupCode)) continue;
    if (have.has(p.code))
      await changeProcedure(ctx, {
        code: p.code,
        nameJa: p.nameJa,
        nameEn: p.nameEn,
        standardMinutes: p.standardMinutes,
        bringJa: p.bringJa,
        bringEn: p.bringEn,
        retired: p.retired,
      });
    else {
      await addProcedure(ctx, {
        code: p.code,
        nameJa: p.nameJa,
        nameEn: p.nameEn,
        standardMinutes: p.standardMinutes,
        groupCode: p.groupCode,
        needsIntegratedTerminal: p.needsIntegratedTerminal,
        reportCategory: p.reportCategory ?? undefined,
        bringJa: p.bringJa,
        bringEn: p.bringEn,
      });
      if (p.retired) await changeProcedure(ctx, { code: p.code, retired: true });
    }
    procedures++;
  }
  const ledger = new Set((await equipmentLedger(ctx)).map((e) => e.id));
  let equipment = 0;
  for (const e of config.equipment)
    if (!ledger.has(e.id)) {
      await addItem(ctx, {
        id: e.id,
        kind: e.kind as EquipmentKind,
        nameJa: e.nameJa,
        owner: e.owner as "city" | "contractor",
        location: e.location ?? undefined,
        counterId: e.counterId ?? undefined,
      });
      equipment++;
    }
  const counters = new Set(catalogue.counters.map((c) => c.counterId));
  let addedCounters = 0;
  for (const c of config.counters)
    if (!counters.has(c.counterId)) {
      await addCounter(ctx, {
        counterId: c.counterId,
        nameJa: c.nameJa,
        defaultTerminalId: c.defaultTerminalId ?? undefined,
        procedureCodes: c.procedureCodes,
      });
      addedCounters++;
    }
  await updateQueueSettings(ctx, config.queueSettings as unknown as QueueSettings);
  const {
    updatedAt: _a,
    updatedBy: _b,
    ...calendar
  } = config.calendar as unknown as CalendarSettings & {
    updatedAt?: unknown;
    updatedBy?: unknown;
  };
  await updateCalendarSettings(ctx, calendar as CalendarSettings);
  await saveContinuityPlan(ctx, { ...config.continuity, contacts: [], cityNoticeEmails: [] });
  const courses = new Set((await trainingOverview(ctx)).courses.map((c) => c.title));
  let training = 0;
  for (const c of pkg.training)
    if (!courses.has(c.title)) {
      await addCourse(ctx, c);
      training++;
    }
  const manual = pkg.manual
    ? await writeVersion(ctx, { title: pkg.manual.title, body: pkg.manual.body })
    : null;
  const summary = {
    procedures,
    counters: addedCounters,
    equipment,
    training,
    manualDraft: manual?.number ?? null,
  };
  await audit(ctx, {
    action: "handover.import",
    entity: "handover",
    change: { from: pkg.tenantId, ...summary },
  });
  return summary;
}
