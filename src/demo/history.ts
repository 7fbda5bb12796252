import { addDays, addMonths, monthEnd } from "../calendar/dates.ts";
import { calendarRange } from "../calendar/days.ts";
import type { BusinessDay } from "../calendar/rules.ts";
import { type Actor, systemActor } from "../platform/actor.ts";
import { localDate, now, runOnClock, type SteppedClock } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import { type Ctx, inOneTransaction, runOperation } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { callNext, closeCounter, openCounter } from "../queue/counterSessions.ts";
import { issueTicket } from "../queue/issue.ts";
import { logPhoneCall } from "../queue/phoneLog.ts";
import { mulberry32 } from "../queue/predictor.ts";
import { daysServed } from "../queue/reads.ts";
import { finishTicket, startTicket } from "../queue/ticketSteps.ts";
import { monthRange } from "../reports/sources.ts";
import { referenceDemand } from "../staffing/demand.ts";
import { hhmm, minutesOf } from "../staffing/shifts.ts";
import { BOOKED_SHARE, NO_SHOW_SHARE, scheduleBookedVisit } from "./historyBookings.ts";
import { cardDay } from "./historyCards.ts";
import { fileHistoryReports } from "./historyReports.ts";
import { ALL_STEPS_DONE, SEASON, TRUE_MEDIAN } from "./historyShape.ts";
import { historyStaff, shiftsOfDay, staffMonth } from "./historyStaff.ts";

/**
 * The demo tenant's service history (2026-02-02 to 2026-07-31): every visit issued, called,
 * served and finished, and every phone call logged, through the same operations the counter
 * uses, on a clock of its own moved to each moment (requests served meanwhile keep the real
 * time). A few dozen steps per transaction keep it quick while letting a server that shares an
 * embedded database answer in between. Seeded: the same seed makes the same history. Days already
 * served are skipped, so an interrupted run goes on where it stopped. Volumes follow §8(5) with the planner's default shape
 * (Mondays, the day after a holiday, month-end, the 1st/3rd Thursday evening, weekend openings),
 * and a season (March's rush before the fiscal year ends, a quieter May).
 */
export const HISTORY_FROM = "2026-02-02";
export const HISTORY_TO = "2026-07-31";
/** Steps per transaction: fewer commits, yet a shared embedded database is never held for long. */
const STEPS_PER_TRANSACTION = 25;
/** The counters people sit at (§7: five terminals, one at each). */
const COUNTERS = [1, 2, 3, 4, 5];
/** The longest anyone stays after closing to serve those still waiting. */
const MAX_OVERTIME_MS = 90 * 60_000;

export interface HistoryResult {
  days: number;
  /** Visits booked ahead (each checked in at the kiosk, or marked 不来所). */
  reservations: number;
  /** Days already served before this run, left as they were. */
  skipped: number;
  tickets: number;
  calls: number;
  /** Months planned and published to the roster by this run. */
  plans: number;
  /** Monthly completion reports submitted by this run (the city's decisions and payments follow). */
  reports: number;
  ms: number;
}

interface Event {
  at: number;
  order: number;
  run: (ctxFor: (actor: Actor) => Ctx) => Promise<void>;
}

export async function makeHistory(
  database: Database,
  tenantId: string,
  options: {
    from?: string;
    to?: string;
    seed?: number;
    onProgress?: (line: string) => void;
    /** Told once the days still to make are known, before the first month's plan: how many. */
    onStart?: (days: number) => void;
    /** Stops after the day being made (a server shutting down). */
    signal?: AbortSignal;
  } = {},
): Promise<HistoryResult> {
  const started = performance.now();
  const from = options.from ?? HISTORY_FROM;
  // Never today or later: those days belong to the counter's real use.
  const yesterday = addDays(localDate(now()), -1);
  const to = [options.to ?? HISTORY_TO, yesterday].sort()[0]!;
  const seed = options.seed ?? 20260202;
  // Drawn afresh for each day from the seed and the date, so a resumed run makes the same days.
  let random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const poisson = (mean: number) => {
    let n = 0;
    // Exponential gaps of mean 1 until their sum passes the mean: a Poisson count.
    let t = -Math.log(1 - random());
    while (t < mean) {
      n++;
      t -= Math.log(1 - random());
    }
    return n;
  };
  const tenant = await findTenant(database.db, tenantId);
  if (!tenant) throw new Error(`no such tenant: ${tenantId}`);
  const nothing = {
    days: 0,
    reservations: 0,
    skipped: 0,
    tickets: 0,
    calls: 0,
    plans: 0,
    reports: 0,
    ms: 0,
  };
  if (from > to) return nothing;
  // Whole months, so each month's volume spreads over all its days even for a part of it.
  const monthStart = `${from.slice(0, 7)}-01`;
  const lastDay = monthEnd(to.slice(0, 7));
  const days = await calendarRange(database.db, tenantId, monthStart, lastDay);
  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))];
  let tickets = 0;
  let calls = 0;
  let booked = 0;
  let plans = 0;
  let done = 0;
  const system = systemActor(tenantId, "history");
  const served = new Set(
    await runOperation(database.db, system, (ctx) => daysServed(ctx, { from, to })),
  );
  const open = days.filter(
    (d) => (d.counter || d.phone) && d.date >= from && d.date <= to && !served.has(d.date),
  );
  if (open.length > 0) options.onStart?.(open.length);
  const staff = await historyStaff(database, tenantId);
  const kiosk: Actor = { tenantId, userId: "history-kiosk", role: "kiosk" };
  const clock: SteppedClock = { at: Date.now() };
  for (const month of months) {
    if (options.signal?.aborted) break;
    const monthDays: BusinessDay[] = days.filter((d) => d.date.startsWith(month));
    const season = SEASON[month.slice(5)] ?? 1;
    const volumes = Object.fromEntries(
      Object.entries(tenant.reference.monthlyVolumes).map(([k, v]) => [k, v * season]),
    );
    const demand = referenceDemand(monthDays, volumes);
    if (open.some((d) => d.date.startsWith(month)))
      if (await staffMonth(database, staff.lead, month, clock)) plans++;
    for (const day of demand.filter((d) => d.date >= from && d.date <= to)) {
      if (options.signal?.aborted) break;
      if (served.has(day.date)) continue;
      const dayNumber = Date.parse(day.date) / 86_400_000;
      random = mulberry32(seed + dayNumber);
      // Callers numbered by day, so a resumed run gives the same people the same numbers.
      let callers = (dayNumber % 1000) * 1000;
      const base = Date.parse(`${day.date}T00:00:00+09:00`);
      const at = (minute: number) => base + minute * 60_000;
      const events: Event[] = [];
      let order = 0;
      const schedule = (time: number, run: Event["run"]) =>
        events.push({ at: time, order: order++, run });
      const busy = new Set<number>();
      const opened = new Set<number>();
      const closing = new Set<number>();
      // Who sits at each counter: people on counter shifts, at the lowest counter free.
      const seated = new Map<number, Actor>();
      const staffOf = (counter: number) => seated.get(counter)!;
      // Tickets not yet called: whoever is at a counter when it closes stays until they are served.
      let waiting = 0;
      const counterDay = monthDays.find((d) => d.date === day.date)?.counter;
      const closesAt = counterDay ? at(minutesOf(counterDay.close)) : base;
      const tryCall = async (ctxFor: (a: Actor) => Ctx, counter: number, time: number) => {
        if (!opened.has(counter) || busy.has(counter) || closing.has(counter)) return false;
        const ticket = await callNext(ctxFor(staffOf(counter)), { counterId: String(counter) });
        if (!ticket) return false;
        waiting--;
        busy.add(counter);
        const begin = time + (0.3 + random() * 0.5) * 60_000;
        schedule(begin, async (c) => {
          await startTicket(c(staffOf(counter)), { ticketId: ticket.ticketId });
          const minutes = ticket.procedureCodes.reduce(
            (s, code) => s + (TRUE_MEDIAN[code] ?? 10) * Math.exp(0.45 * normal()),
            0,
          );
          const end = begin + minutes * 60_000;
          schedule(end, async (c2) => {
            const completed = random() >= 0.04;
            await finishTicket(c2(staffOf(counter)), {
              ticketId: ticket.ticketId,
              outcome: completed ? "completed" : "not_completed",
              ...(completed ? {} : { reason: "documents" }),
              checklists: ALL_STEPS_DONE,
            });
            // The card itself, from the stock: a completed handover hands one over.
            if (completed && ticket.procedureCodes.includes("handover"))
              await cards.handOver(c2, staffOf(counter));
            busy.delete(counter);
            await tryCall(c2, counter, end);
          });
        });
        return true;
      };
      // After a new ticket: the first free counter that can serve it calls it (the rest stay idle).
      const callAny = async (c: (a: Actor) => Ctx, time: number) => {
        for (const counter of opened) if (await tryCall(c, counter, time)) return;
      };
      const shifts = await runOnClock(clock, () => shiftsOfDay(database, staff.lead, day.date));
      clock.at = at(8 * 60);
      const cards = await runOnClock(clock, () =>
        cardDay({
          database,
          lead: staff.lead,
          date: day.date,
          expectedHandovers: day.intervals.reduce((s, i) => s + (i.counter.handover ?? 0), 0),
          random,
          schedule,
          at,
        }),
      );
      for (const shift of shifts) {
        const person = staff.byPerson.get(shift.personId);
        if (shift.work !== "counter" || !person) continue;
        let counter: number | undefined;
        // Every counter taken (someone still finishing a visit): sits down a minute later.
        const sitDown = async (c: (a: Actor) => Ctx, time: number): Promise<void> => {
          const free = COUNTERS.find((k) => !seated.has(k));
          if (free === undefined) {
            if (time + 60_000 < at(shift.end))
              schedule(time + 60_000, (c2) => sitDown(c2, time + 60_000));
            return;
          }
          counter = free;
          seated.set(free, person);
          await openCounter(c(person), { counterId: String(free), until: hhmm(shift.end) });
          opened.add(free);
          await tryCall(c, free, time);
        };
        schedule(at(shift.start), (c) => sitDown(c, at(shift.start)));
        // The shift's end (or its break): the visit in hand is finished first.
        const leave = async (c: (a: Actor) => Ctx, time: number): Promise<void> => {
          if (counter === undefined) return;
          const k = counter;
          closing.add(k);
          const overtime = time >= closesAt && waiting > 0 && time < closesAt + MAX_OVERTIME_MS;
          if (overtime) {
            closing.delete(k);
            await tryCall(c, k, time);
            closing.add(k);
          }
          if (busy.has(k) || overtime) {
            schedule(time + 60_000, (c2) => leave(c2, time + 60_000));
            return;
          }
          await closeCounter(c(person), { counterId: String(k) });
          opened.delete(k);
          closing.delete(k);
          seated.delete(k);
          counter = undefined;
        };
        schedule(at(shift.end), (c) => leave(c, at(shift.end)));
      }
      const phoneStaffAt = (minute: number) => {
        const on = shifts.find((s) => s.work === "phone" && s.start <= minute && minute < s.end);
        return (on && staff.byPerson.get(on.personId)) ?? staff.lead;
      };
      for (const i of day.intervals) {
        if (i.counterOpen)
          for (const [code, mean] of Object.entries(i.counter)) {
            const n = poisson(mean);
            for (let k = 0; k < n; k++) {
              const time = at(i.start + random() * 29.5);
              const codes = [code];
              if (code === "handover" && random() < 0.1) codes.push("pin_reset");
              const priority = random() < 0.03;
              const walkIn = async (c: (a: Actor) => Ctx) => {
                await issueTicket(c(kiosk), {
                  procedures: codes,
                  priority,
                  priorityReason: priority ? "elderly" : undefined,
                });
                tickets++;
                waiting++;
                await callAny(c, time);
              };
              if (codes.length === 1 && code === "handover" && random() < BOOKED_SHARE) {
                const arrivalMinute = i.start + random() * 10;
                scheduleBookedVisit({
                  schedule,
                  at,
                  slotMinute: i.start,
                  arrivalMinute,
                  comes: random() >= NO_SHOW_SHARE,
                  // A number of their own: one person may hold only two bookings ahead.
                  phone: `0258${String(++callers).padStart(6, "0")}`,
                  kiosk,
                  clerk: staff.lead,
                  walkIn,
                  checkedIn: async (c, arrival) => {
                    tickets++;
                    waiting++;
                    await callAny(c, arrival);
                  },
                  booked: () => {
                    booked++;
                  },
                });
              } else schedule(time, walkIn);
            }
          }
        if (i.phoneOpen) {
          const n = poisson(i.phone);
          for (let k = 0; k < n; k++) {
            // Answered inside the phone hours (the last quarter hour is one).
            const minute = i.start + random() * (Math.min(30, i.minutes) - 5);
            const begin = at(minute);
            const minutes = 5 * Math.exp(0.4 * normal());
            schedule(begin + minutes * 60_000, async (c) => {
              await logPhoneCall(c(phoneStaffAt(minute)), {
                startedAt: new Date(begin),
                endedAt: new Date(begin + minutes * 60_000),
                category: ["notice", "reservation", "procedure"][Math.floor(random() * 3)]!,
                outcome: "answered",
              });
              calls++;
            });
          }
        }
      }
      await runOnClock(clock, async () => {
        while (events.length > 0)
          await inOneTransaction(
            database.db,
            async (ctxFor) => {
              for (let n = 0; n < STEPS_PER_TRANSACTION && events.length > 0; n++) {
                events.sort((a, b) => a.at - b.at || a.order - b.order);
                const next = events.shift()!;
                clock.at = next.at;
                await next.run(ctxFor);
              }
            },
            { quiet: true },
          ).then(yieldToServer);
      });
      done++;
      options.onProgress?.(
        `service history: ${day.date} (${done}/${open.length} days, ${tickets} visits, ${calls} calls)`,
      );
    }
  }
  // Whole months made: their reports go in, are inspected, and the payments follow.
  const complete = months.filter((m) => monthRange(m).to <= to);
  const reports = options.signal?.aborted
    ? 0
    : await fileHistoryReports(database, tenantId, staff.lead, complete, clock);
  return {
    days: done,
    reservations: booked,
    skipped: served.size,
    tickets,
    calls,
    plans,
    reports,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * An embedded database answers within the same thread without ever waiting for I/O, so a loop of
 * transactions would starve the server's sockets: between transactions, let them be read.
 */
const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

const nextMonth = (month: string) => addMonths(month, 1);
