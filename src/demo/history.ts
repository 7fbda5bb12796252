import { availableParallelism } from "node:os";
import { addDays, monthEnd } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/days.ts";
import type { Actor } from "../platform/actor.ts";
import { systemActor } from "../platform/actor.ts";
import { sealPendingNow } from "../platform/audit/store.ts";
import { localDate, now, runOnClock, type SteppedClock } from "../platform/clock.ts";
import { type Database, transaction } from "../platform/db/index.ts";
import { DomainError } from "../platform/errors.ts";
import { contextIn, runOperation } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { mulberry32 } from "../queue/predictor.ts";
import { daysServed } from "../queue/reads.ts";
import { monthRange } from "../reports/sources.ts";
import { purgeContactData } from "../reservations/purge.ts";
import { referenceDemand } from "../staffing/demand.ts";
import { warmSolvers } from "../staffing/solver.ts";
import { BulkWorld } from "./historyBulk.ts";
import { simulateDay } from "./historyDay.ts";
import { fileHistoryReports } from "./historyReports.ts";
import { SEASON } from "./historyShape.ts";
import {
  historyStaff,
  type MonthPlanning,
  PLANNING_DAY,
  publishedPlan,
  publishPlanning,
  staffMonth,
  startPlanning,
} from "./historyStaff.ts";
import { monthArrivals } from "./historyVolumes.ts";
import { type HistoryWorld, OperationsWorld } from "./historyWorld.ts";
import { madeDays, markDaysMade } from "./store.ts";

/**
 * The demo tenant's service history (2026-02-02 to 2026-07-31): every visit issued, called,
 * served and finished, every booking, card and phone call, decided by a seeded simulation and
 * recorded as the counter's operations record them. Users get it in bulk: each domain's replay
 * applies its operations' own rules in memory and a month is written in one transaction (rows,
 * then the audit chain), so a failure leaves no half month and a later run goes on from the
 * first month missing. The same simulation through the operations themselves is the reference
 * the equivalence test holds the bulk rows to. Volumes follow §8(5) with the planner's default
 * shape (Mondays, the day after a holiday, month-end, the 1st/3rd Thursday evening, weekend
 * openings) and a season (March's rush before the fiscal year ends, a quieter May). Each month
 * is staffed by the plan the manager made for it the evening before it began.
 */
export const HISTORY_FROM = "2026-02-02";
export const HISTORY_TO = "2026-07-31";

export interface HistoryResult {
  days: number;
  /** Visits booked ahead (each checked in at the kiosk, or marked 不来所). */
  reservations: number;
  /** Bookings refused (the slot full): the person walked in instead. */
  refusedBookings: number;
  /** Days already served before this run, left as they were. */
  skipped: number;
  tickets: number;
  calls: number;
  /** Months planned and published to the roster by this run. */
  plans: number;
  /** Monthly completion reports submitted by this run (the city's decisions and payments follow). */
  reports: number;
  /** Rows written in bulk, audit events included. */
  rows: number;
  ms: number;
}

export interface HistoryOptions {
  from?: string;
  to?: string;
  seed?: number;
  /** One line per month made (and, through the operations, per day). */
  onProgress?: (line: string) => void;
  /** Told once the days still to make are known, before the first month's plan: how many. */
  onStart?: (days: number) => void;
  /** Stops before the next month (in bulk) or day (through the operations). */
  signal?: AbortSignal;
  /** "bulk" (what users get) or "operations" (the reference, for the equivalence test). */
  path?: "bulk" | "operations";
}

/** A day's own generator, from the seed and the date: a day made again is the same day. */
function generatorOf(seed: number, date: string) {
  const random = mulberry32(seed + Date.parse(date) / 86_400_000);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return { random, normal };
}

export async function makeHistory(
  database: Database,
  tenantId: string,
  options: HistoryOptions = {},
): Promise<HistoryResult> {
  const started = performance.now();
  const from = options.from ?? HISTORY_FROM;
  // Never today or later: those days belong to the counter's real use.
  const yesterday = addDays(localDate(now()), -1);
  const to = [options.to ?? HISTORY_TO, yesterday].sort()[0]!;
  const seed = options.seed ?? 20260202;
  const tenant = await findTenant(database.db, tenantId);
  if (!tenant)
    throw new DomainError(
      "not_found",
      "tenant_not_found",
      `自治体「${tenantId}」がありません。デモの自治体は初回の npm start で作成されます。`,
      `No tenant "${tenantId}". The demo tenant is made by the first npm start.`,
    );
  const result: HistoryResult = {
    days: 0,
    reservations: 0,
    refusedBookings: 0,
    skipped: 0,
    tickets: 0,
    calls: 0,
    plans: 0,
    reports: 0,
    rows: 0,
    ms: 0,
  };
  if (from > to) return result;
  // Whole months, so each month's volume spreads over all its days even for a part of it.
  const monthStart = `${from.slice(0, 7)}-01`;
  const lastDay = monthEnd(to.slice(0, 7));
  const days = await calendarRange(database.db, tenantId, monthStart, lastDay);
  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))];
  const system = systemActor(tenantId, "history");
  // Made by this version (its bookkeeping), or served by an earlier one (its records).
  const made = new Set([
    ...(await madeDays(database.db, tenantId, from, to)),
    ...(await runOperation(database.db, system, (ctx) => daysServed(ctx, { from, to }))),
  ]);
  const inRange = days.filter((d) => (d.counter || d.phone) && d.date >= from && d.date <= to);
  const toMake = inRange.filter((d) => !made.has(d.date));
  result.skipped = inRange.length - toMake.length;
  if (toMake.length > 0) {
    options.onStart?.(toMake.length);
    // The planner's workers load while the team is readied: the first month's plan finds them.
    warmSolvers(Math.max(1, Math.min(2, availableParallelism())));
  }
  // The history's own clock from its start: the manager readies the team the evening before.
  const clock: SteppedClock = {
    at: Date.parse(`${addDays(toMake[0]?.date ?? from, -1)}T17:30:00+09:00`),
  };
  const staff = await runOnClock(clock, () => historyStaff(database, tenantId));
  const kiosk: Actor = { tenantId, userId: "history-kiosk", role: "kiosk" };
  const bulk = (options.path ?? "bulk") === "bulk";
  const world: HistoryWorld & Partial<BulkWorld> =
    toMake.length === 0
      ? new OperationsWorld(database)
      : bulk
        ? new BulkWorld(database, tenantId, {
            from: toMake[0]!.date,
            // A week on, for the times a full slot offers instead.
            to: addDays(lastDay, 7),
            staff: [...staff.byPerson.values()],
          })
        : new OperationsWorld(database);
  let ready: string[] | undefined;
  /** The next month's plan, started mid-month from the records up to then. */
  let planning: MonthPlanning | undefined;
  for (const [index, month] of months.entries()) {
    if (options.signal?.aborted) break;
    const monthDays = toMake.filter((d) => d.date.startsWith(month));
    if (monthDays.length === 0) continue;
    const monthStarted = performance.now();
    const season = SEASON[month.slice(5)] ?? 1;
    const volumes = Object.fromEntries(
      Object.entries(tenant.reference.monthlyVolumes).map(([k, v]) => [k, v * season]),
    );
    const demand = referenceDemand(
      days.filter((d) => d.date.startsWith(month)),
      volumes,
    );
    const arrivals = monthArrivals(month, demand, volumes, seed);
    const staffed =
      planning?.month === month
        ? await publishPlanning(database, staff.lead, planning, clock)
        : await staffMonth(database, staff.lead, month, clock);
    planning = undefined;
    if (staffed.planned) result.plans++;
    // The next month, if this run makes it and nobody has planned it yet, is planned mid-month.
    const following = months[index + 1];
    const plansNext =
      following !== undefined &&
      toMake.some((d) => d.date.startsWith(following)) &&
      !(await publishedPlan(database, staff.lead, following));
    const planningEvening = Date.parse(
      `${month}-${String(PLANNING_DAY).padStart(2, "0")}T21:00:00+09:00`,
    );
    const counts = { days: 0, tickets: 0, calls: 0, booked: 0, refused: 0 };
    const todo = demand.filter((d) => monthDays.some((m) => m.date === d.date));
    let stopped = false;
    /** Makes the month's days from `from` (index) up to (not including) `to`. */
    const makeDays = async (from: number, to: number) => {
      for (const day of todo.slice(from, to)) {
        if (options.signal?.aborted) {
          stopped = true;
          return;
        }
        const made = await simulateDay(world, {
          day,
          arrivals: arrivals.counter.get(day.date)!,
          calls: arrivals.phone.get(day.date)!,
          cards: arrivals.cards.get(day.date) ?? 0,
          calendar: monthDays.find((d) => d.date === day.date)!,
          shifts: staffed.days.get(day.date) ?? [],
          staff: staff.byPerson,
          lead: staff.lead,
          kiosk,
          ready: cards,
          ...generatorOf(seed, day.date),
          clock,
        });
        counts.days++;
        counts.tickets += made.tickets;
        counts.calls += made.calls;
        counts.booked += made.booked;
        counts.refused += made.refused;
        if (!bulk) {
          await transaction(database.db, (tx) =>
            markDaysMade(tx, tenantId, [day.date], new Date()),
          );
          options.onProgress?.(
            `service history: ${day.date} (${made.tickets} visits, ${made.calls} calls)`,
          );
        }
        // Between days, the server's requests are answered (the replay never waits for I/O).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    const split = todo.findIndex(
      (d) => d.date > `${month}-${String(PLANNING_DAY).padStart(2, "0")}`,
    );
    const middle = split < 0 ? todo.length : split;
    // The run begins (what it starts from read) on its first day, before any month's transaction.
    if (!ready) {
      clock.at = Date.parse(`${todo[0]!.date}T08:00:00+09:00`);
      ready = await runOnClock(clock, () => world.begin(staff.lead));
    }
    const cards = ready;
    await makeDays(0, middle);
    let rows = 0;
    if (bulk) {
      // All in memory first, in two parts around the planning evening; the transaction only writes.
      const before = world.take!();
      await makeDays(middle, todo.length);
      if (stopped) break;
      const after = world.take!();
      // One transaction for the month (no retry: its rows are taken once): the days up to the
      // planning evening, the next month's plan read from them, then the rest of the days.
      await database.db.transaction(async (tx) => {
        rows += await world.write!(tx, before);
        if (plansNext) {
          clock.at = planningEvening;
          planning = await runOnClock(clock, () =>
            startPlanning(contextIn(tx, staff.lead), following!),
          );
          await sealPendingNow(tx);
        }
        rows += await world.write!(tx, after);
        await markDaysMade(
          tx,
          tenantId,
          monthDays.map((d) => d.date),
          new Date(),
        );
      });
    } else {
      if (plansNext && !stopped) {
        clock.at = planningEvening;
        planning = await runOnClock(clock, () =>
          runOperation(database.db, staff.lead, (ctx) => startPlanning(ctx, following!)),
        );
      }
      await makeDays(middle, todo.length);
    }
    result.days += counts.days;
    result.reservations += counts.booked;
    result.refusedBookings += counts.refused;
    result.tickets += counts.tickets;
    result.calls += counts.calls;
    result.rows += rows;
    const seconds = ((performance.now() - monthStarted) / 1000).toFixed(1);
    options.onProgress?.(
      `service history: ${month} (${counts.days} days, ${counts.tickets} visits, ${counts.calls} calls${bulk ? `, ${rows} rows` : ""}) in ${seconds} s`,
    );
    if (stopped) break;
  }
  // Whole months made: their reports go in, are inspected, and the payments follow.
  const complete = months.filter((m) => monthRange(m).to <= to);
  if (!options.signal?.aborted)
    result.reports = await fileHistoryReports(database, tenantId, staff.lead, complete, clock);
  // The bookings' contact data is past its keeping period now, as the purge job would find it
  // on its next round (6 h away): not left for a new user to see.
  if (result.days > 0)
    await runOperation(database.db, systemActor(tenantId, "demo-history"), (ctx) =>
      purgeContactData(ctx),
    );
  result.ms = Math.round(performance.now() - started);
  return result;
}
