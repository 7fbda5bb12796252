import { addDays } from "../calendar/dates.ts";
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
import { referenceDemand } from "../staffing/demand.ts";
import { DEFAULT_TARGETS, requirementOf } from "../staffing/requirement.ts";
import { hhmm } from "../staffing/shifts.ts";
import { BOOKED_SHARE, NO_SHOW_SHARE, scheduleBookedVisit } from "./historyBookings.ts";
import { ALL_STEPS_DONE, clerksOf, SEASON, TRUE_MEDIAN } from "./historyShape.ts";

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

export interface HistoryResult {
  days: number;
  /** Visits booked ahead (each checked in at the kiosk, or marked 不来所). */
  reservations: number;
  /** Days already served before this run, left as they were. */
  skipped: number;
  tickets: number;
  calls: number;
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
  const nothing = { days: 0, reservations: 0, skipped: 0, tickets: 0, calls: 0, ms: 0 };
  if (from > to) return nothing;
  // Whole months, so each month's volume spreads over all its days even for a part of it.
  const monthStart = `${from.slice(0, 7)}-01`;
  const monthEnd = addDays(`${nextMonth(to.slice(0, 7))}-01`, -1);
  const days = await calendarRange(database.db, tenantId, monthStart, monthEnd);
  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))];
  let tickets = 0;
  let calls = 0;
  let booked = 0;
  let done = 0;
  const system = systemActor(tenantId, "history");
  const served = new Set(
    await runOperation(database.db, system, (ctx) => daysServed(ctx, { from, to })),
  );
  const open = days.filter(
    (d) => (d.counter || d.phone) && d.date >= from && d.date <= to && !served.has(d.date),
  );
  if (open.length === 0) return { ...nothing, skipped: served.size };
  const clerks = await clerksOf(database, tenantId);
  if (clerks.length === 0) throw new Error("no clerks on the roster for the history");
  const kiosk: Actor = { tenantId, userId: "history-kiosk", role: "kiosk" };
  const phoneClerk = clerks[0]!;
  const clock: SteppedClock = { at: Date.now() };
  for (const month of months) {
    if (options.signal?.aborted) break;
    const monthDays: BusinessDay[] = days.filter((d) => d.date.startsWith(month));
    const season = SEASON[month.slice(5)] ?? 1;
    const volumes = Object.fromEntries(
      Object.entries(tenant.reference.monthlyVolumes).map(([k, v]) => [k, v * season]),
    );
    const demand = referenceDemand(monthDays, volumes);
    const requirement = requirementOf(
      demand,
      Object.fromEntries(
        Object.entries(TRUE_MEDIAN).map(([k, m]) => [k, { meanMinutes: m * 1.1, cv: 0.45 }]),
      ),
      new Set(["handover", "ecert", "pin_reset"]),
      { ...DEFAULT_TARGETS, shrinkage: 0 },
    );
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
      const staffOf = (counter: number) => clerks[(counter - 1) % clerks.length]!;
      const tryCall = async (ctxFor: (a: Actor) => Ctx, counter: number, time: number) => {
        if (!opened.has(counter) || busy.has(counter) || closing.has(counter)) return;
        const ticket = await callNext(ctxFor(staffOf(counter)), { counterId: String(counter) });
        if (!ticket) return;
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
            busy.delete(counter);
            await tryCall(c2, counter, end);
          });
        });
      };
      // Counters open while the day's requirement reaches them (counter 1 all day), up to the clerks.
      const reqDay = requirement.find((r) => r.date === day.date)!;
      const counterIntervals = reqDay.intervals.filter((i) => i.counterOpen);
      for (let counter = 1; counter <= Math.min(5, clerks.length); counter++) {
        const blocks: [number, number][] = [];
        for (const i of counterIntervals) {
          if (counter > 1 && i.counterRequired < counter) continue;
          const last = blocks.at(-1);
          if (last && last[1] === i.start) last[1] = i.start + 30;
          else blocks.push([i.start, i.start + 30]);
        }
        for (const [start, end] of blocks) {
          schedule(at(start), async (c) => {
            closing.delete(counter);
            await openCounter(c(staffOf(counter)), {
              counterId: String(counter),
              until: hhmm(end),
            });
            opened.add(counter);
            await tryCall(c, counter, at(start));
          });
          const shut = async (c: (a: Actor) => Ctx, time: number): Promise<void> => {
            if (busy.has(counter)) {
              schedule(time + 60_000, (c2) => shut(c2, time + 60_000));
              return;
            }
            await closeCounter(c(staffOf(counter)), { counterId: String(counter) });
            opened.delete(counter);
          };
          schedule(at(end), async (c) => {
            closing.add(counter);
            await shut(c, at(end));
          });
        }
      }
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
                for (const counter of opened) await tryCall(c, counter, time);
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
                  clerk: staffOf(1),
                  walkIn,
                  checkedIn: async (c, arrival) => {
                    tickets++;
                    for (const counter of opened) await tryCall(c, counter, arrival);
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
            const begin = at(i.start + random() * 25);
            const minutes = 5 * Math.exp(0.4 * normal());
            schedule(begin + minutes * 60_000, async (c) => {
              await logPhoneCall(c(phoneClerk), {
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
  return {
    days: done,
    reservations: booked,
    skipped: served.size,
    tickets,
    calls,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * An embedded database answers within the same thread without ever waiting for I/O, so a loop of
 * transactions would starve the server's sockets: between transactions, let them be read.
 */
const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
