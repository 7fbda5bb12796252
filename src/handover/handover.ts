import { addDays, month as monthOf } from "../calendar/dates.ts";
import { calendarSettingsOf } from "../calendar/settings.ts";
import { continuityPlan } from "../continuity/continuity.ts";
import { equipmentLedger } from "../equipment/equipment.ts";
import { listIncidents } from "../incidents/incidents.ts";
import { currentManual } from "../manual/manual.ts";
import { localDate, now } from "../platform/clock.ts";
import { DomainError } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { queueSettingsOf } from "../queue/configuration.ts";
import { catalogueView } from "../queue/reads.ts";
import { acceptedMonthlyReport, reportStatuses } from "../reports/reports.ts";
import { trainingOverview } from "../training/courses.ts";

/** What the package holds: the next contractor's start, and nothing of any citizen. */
export interface HandoverPackage {
  format: "madoguchi-handover/1";
  tenantId: string;
  madeAt: string;
  manual: { title: string; number: number; confirmedAt: string | null; body: string } | null;
  configuration: {
    groups: { code: string; nameJa: string; nameEn: string; prefix: string; sort: number }[];
    procedures: {
      code: string;
      nameJa: string;
      nameEn: string;
      standardMinutes: number;
      groupCode: string;
      needsIntegratedTerminal: boolean;
      reportCategory: string | null;
      bringJa: string;
      bringEn: string;
      retired: boolean;
    }[];
    counters: {
      counterId: string;
      nameJa: string;
      defaultTerminalId: string | null;
      procedureCodes: string[];
    }[];
    queueSettings: Record<string, unknown>;
    calendar: Record<string, unknown>;
    equipment: {
      id: string;
      kind: string;
      nameJa: string;
      owner: string;
      location: string | null;
      counterId: string | null;
      state: string;
    }[];
    /** 緊急時の体制, without the contacts (people of this contract). */
    continuity: {
      deciders: string;
      procedures: string;
      paperTicketPrefix: string;
      paperTicketCount: number;
    };
  };
  /** The accepted monthly reports' figures: counts only. */
  statistics: { month: string; figures: unknown }[];
  openItems: {
    incidents: { kind: string; severity: string; occurredAt: string; summary: string }[];
    equipmentOutOfService: { id: string; nameJa: string; state: string }[];
  };
  training: {
    title: string;
    titleEn: string;
    content: string;
    materialVersion: string;
    mandatory: boolean;
  }[];
}

const MONTHS_OF_STATISTICS = 24;

/**
 * 業務引継書 (仕様 10): gathered through each domain's own operations, in one transaction: the
 * confirmed manual, the configuration, two years of accepted monthly figures, the open items and
 * the training material. No citizen's data is read for it; the package is audited as exported.
 */
export async function handoverPackage(ctx: Ctx): Promise<HandoverPackage> {
  requireAccess(ctx, "handover.export");
  let manual: HandoverPackage["manual"] = null;
  try {
    const m = await currentManual(ctx);
    manual = { title: m.title, number: m.number, confirmedAt: m.confirmedAt, body: m.body };
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === "not_found")) throw error;
  }
  const catalogue = await catalogueView(ctx);
  const equipment = await equipmentLedger(ctx);
  const plan = await continuityPlan(ctx);
  const today = localDate(now());
  const from = `${monthOf(addDays(today, -31 * MONTHS_OF_STATISTICS))}-01`;
  const statistics: HandoverPackage["statistics"] = [];
  for (const r of await reportStatuses(ctx, { kind: "monthly", from, to: today }))
    if (r.status === "accepted") {
      const accepted = await acceptedMonthlyReport(ctx, { month: r.period });
      if (accepted) statistics.push({ month: r.period, figures: accepted.figures });
    }
  const incidents = await listIncidents(ctx, { state: "open" });
  const training = await trainingOverview(ctx);
  const pkg: HandoverPackage = {
    format: "madoguchi-handover/1",
    tenantId: ctx.tenantId,
    madeAt: now().toISOString(),
    manual,
    configuration: {
      groups: catalogue.groups.map((g) => ({
        code: g.groupCode,
        nameJa: g.nameJa,
        nameEn: g.nameEn,
        prefix: g.prefix,
        sort: g.sort,
      })),
      procedures: catalogue.procedures.map((p) => ({
        code: p.code,
        nameJa: p.nameJa,
        nameEn: p.nameEn,
        standardMinutes: p.standardMinutes,
        groupCode: p.groupCode,
        needsIntegratedTerminal: p.needsIntegratedTerminal,
        reportCategory: p.reportCategory ?? null,
        bringJa: p.bringJa ?? "",
        bringEn: p.bringEn ?? "",
        retired: p.retiredAt !== null,
      })),
      counters: catalogue.counters.map((c) => ({
        counterId: c.counterId,
        nameJa: c.nameJa,
        defaultTerminalId: c.defaultTerminalId,
        procedureCodes: c.procedureCodes,
      })),
      queueSettings: { ...(await queueSettingsOf(ctx)) },
      calendar: { ...(await calendarSettingsOf(ctx)) },
      equipment: equipment.map(({ updatedAt: _, ...e }) => e),
      continuity: {
        deciders: plan.deciders,
        procedures: plan.procedures,
        paperTicketPrefix: plan.paperTicketPrefix,
        paperTicketCount: plan.paperTicketCount,
      },
    },
    statistics,
    openItems: {
      incidents: incidents.map((i) => ({
        kind: i.kind,
        severity: i.severity,
        occurredAt: i.occurredAt,
        summary: i.summary,
      })),
      equipmentOutOfService: equipment
        .filter((e) => e.state === "faulty" || e.state === "under_repair")
        .map((e) => ({ id: e.id, nameJa: e.nameJa, state: e.state })),
    },
    training: training.courses.map((c) => ({
      title: c.title,
      titleEn: c.titleEn,
      content: c.content,
      materialVersion: c.materialVersion,
      mandatory: c.mandatory,
    })),
  };
  await audit(ctx, {
    action: "handover.export",
    entity: "handover",
    change: { procedures: pkg.configuration.procedures.length, months: statistics.length },
  });
  return pkg;
}
