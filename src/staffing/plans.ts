import { addDays, addMonths, monthEnd } from "../calendar/dates.ts";
import { calendarDays } from "../calendar/days.ts";
import { setupWorkload } from "../cards/workload.ts";
import { isoDate, isoMonth } from "../platform/inputs.ts";
import { type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { catalogueView, serviceRecords } from "../queue/reads.ts";
import { readRoster } from "../roster/entries.ts";
import type { ServedRecord } from "./demand.ts";
import type { PlanPerson } from "./model.ts";
import type { PlanInput } from "./plan.ts";
import { DEFAULT_TARGETS, type StaffingTargets } from "./requirement.ts";
import { staffingTargetsOf } from "./targets.ts";

const minutesOfDay = (iso: string) => {
  const local = new Date(Date.parse(iso) + 9 * 3_600_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

/** How far back the planner learns: six months of service before the planned month. */
export const HISTORY_MONTHS = 6;

/**
 * What the planner reads for a month, in the request's transaction, through the owning domains'
 * operations: the calendar, six months of service records, the trained people on the roster
 * (the read is audited, names being personal data), the catalogue, the reference volumes and the back office's cards waiting for setup.
 * The solve itself runs afterwards, outside any transaction.
 */
export async function staffingInputs(
  ctx: Ctx,
  props: {
    month: string;
    targets?: Partial<StaffingTargets> | undefined;
    /** Learn only from the records up to this day (default: the day before the month). */
    learnUntil?: string | undefined;
  },
): Promise<PlanInput> {
  requireAccess(ctx, "staffing.plan");
  isoMonth.parse(props.month);
  const from = `${props.month}-01`;
  const to = monthEnd(props.month);
  const historyTo = props.learnUntil ? isoDate.parse(props.learnUntil) : addDays(from, -1);
  // Six months: those before the planned month, or those ending with the day learned until.
  const historyFrom = props.learnUntil
    ? `${addMonths(historyTo.slice(0, 7), 1 - HISTORY_MONTHS)}-01`
    : `${addMonths(props.month, -HISTORY_MONTHS)}-01`;
  const [days, historyDays, records, roster, catalogue, tenant, set, cards] = [
    await calendarDays(ctx, { from, to }),
    await calendarDays(ctx, { from: historyFrom, to: historyTo }),
    await serviceRecords(ctx, { from: historyFrom, to: historyTo }),
    await readRoster(ctx),
    await catalogueView(ctx),
    await findTenant(ctx.tx, ctx.tenantId),
    await staffingTargetsOf(ctx),
    await setupWorkload(ctx, { historyFrom, historyTo }),
  ];
  const { updatedAt: _, ...tenantTargets } = set;
  const history: ServedRecord[] = records.map((r) => ({
    serviceDay: r.serviceDay,
    procedureCode: r.procedureCode,
    channel: r.channel === "phone" ? "phone" : "counter",
    arrivedAt: minutesOfDay((r.issuedAt ?? r.startedAt).toISOString()),
    serviceMinutes: (r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000,
  }));
  const people = plannable(roster, from, to);
  // The terminals in service now (a faulty one is out of the plan's capacity too).
  const integrated = catalogue.terminals.filter(
    (t) => t.kind === "integrated" && t.inService,
  ).length;
  return {
    month: props.month,
    days,
    historyDays,
    history,
    monthlyVolumes: tenant?.reference.monthlyVolumes ?? {},
    standardMinutes: Object.fromEntries(
      catalogue.procedures.map((p) => [p.code, p.standardMinutes]),
    ),
    terminalProcedures: new Set(
      catalogue.procedures.filter((p) => p.needsIntegratedTerminal).map((p) => p.code),
    ),
    people,
    cards,
    targets: {
      ...DEFAULT_TARGETS,
      terminals: catalogue.terminals.length > 0 ? integrated : DEFAULT_TARGETS.terminals,
      ...tenantTargets,
      ...props.targets,
    },
  };
}

/** Only trained people who are on the roster for some day of the range, as the planner sees them. */
function plannable(
  roster: Awaited<ReturnType<typeof readRoster>>,
  from: string,
  to: string,
): PlanPerson[] {
  return roster
    .filter((p) => p.mandatoryTrainingComplete)
    .filter((p) => p.startDate <= to && (p.endDate === null || p.endDate >= from))
    .map((p) => ({
      id: p.id,
      name: p.name,
      counter: p.roles.includes("counter"),
      phone: p.roles.includes("phone"),
      backOffice: p.roles.includes("back_office"),
      lead: p.designation !== null,
      weeklyHourLimit: p.weeklyHourLimit,
      availability: p.availability,
      activeFrom: p.startDate,
      activeTo: p.endDate,
    }));
}

/** The people a day can be planned with now (the roster as it stands, read and audited). */
export async function plannablePeople(ctx: Ctx, props: { date: string }): Promise<PlanPerson[]> {
  requireAccess(ctx, "staffing.plan");
  return plannable(await readRoster(ctx), props.date, props.date);
}
