import { minutes } from "../calendar/dates.ts";
import type { BusinessDay, Window } from "../calendar/rules.ts";
import type { Actor } from "../platform/actor.ts";
import { runOnClock, type SteppedClock } from "../platform/clock.ts";
import { NO_SHOW_GRACE_MINUTES } from "../reservations/staff.ts";
import type { DayDemand } from "../staffing/demand.ts";
import { hhmm } from "../staffing/shifts.ts";
import { BOOKED_SHARE, NO_SHOW_SHARE, scheduleBookedVisit } from "./historyBookings.ts";
import { receiveDelivery } from "./historyCards.ts";
import { ALL_STEPS_DONE, TRUE_MEDIAN } from "./historyShape.ts";
import { WITH_PIN_RESET } from "./historyVolumes.ts";
import type { HistoryWorld } from "./historyWorld.ts";

/**
 * One day of the demo's past, as a sequence of timed steps through a world (in bulk or through
 * the operations): the morning's delivery and setups, the counter shifts sitting down and
 * leaving (after the visit in hand, and staying on while anyone waits at closing), people
 * arriving through the counter's hours, a share booked ahead and checked in by their code, and
 * calls inside the phone hours. Everything is drawn from the seeded generator in one order, so
 * both worlds make the same day.
 */
export interface WorkSegment {
  personId: string;
  /** Minutes of the day. */
  start: number;
  end: number;
  work: string;
}

export interface DayPlan {
  day: DayDemand;
  /** Who comes when (historyVolumes.ts): per half hour, arrivals per procedure and calls. */
  arrivals: Map<number, Record<string, number>>;
  calls: Map<number, number>;
  /** Cards the city delivers this morning. */
  cards: number;
  calendar: BusinessDay;
  shifts: WorkSegment[];
  staff: Map<string, Actor>;
  lead: Actor;
  kiosk: Actor;
  /** Set-up cards waiting for their holders, carried from day to day. */
  ready: string[];
  random: () => number;
  normal: () => number;
  clock: SteppedClock;
}

/** The counters people sit at (§7: five terminals, one at each). */
const COUNTERS = [1, 2, 3, 4, 5];
/** The longest anyone stays after closing to serve those still waiting. */
const MAX_OVERTIME_MS = 90 * 60_000;
/** Steps per transaction of operations: fewer commits, yet never long. */
const STEPS_PER_BATCH = 25;

type Step = () => Promise<void>;

/** Minutes of the half hour from `start` inside a window (the phone's 17:00–17:15 is 15). */
const minutesIn = (w: Window | null, start: number) =>
  w ? Math.max(0, Math.min(30, minutes(w.close) - Math.max(start, minutes(w.open)))) : 0;

export async function simulateDay(
  world: HistoryWorld,
  p: DayPlan,
): Promise<{ tickets: number; calls: number; booked: number; refused: number }> {
  const { random, normal, day, clock } = p;
  const dayNumber = Date.parse(day.date) / 86_400_000;
  // Callers numbered by day, so a day made again gives the same people the same numbers.
  let callers = (dayNumber % 1000) * 1000;
  const base = Date.parse(`${day.date}T00:00:00+09:00`);
  const at = (minute: number) => base + minute * 60_000;
  const events = new StepQueue();
  const schedule = (time: number, run: Step) => events.push(time, run);
  const counts = { tickets: 0, calls: 0, booked: 0, refused: 0 };
  const busy = new Set<number>();
  const opened = new Set<number>();
  const closing = new Set<number>();
  const seated = new Map<number, Actor>();
  const staffOf = (counter: number) => seated.get(counter)!;
  // Tickets not yet called: whoever is at a counter when it closes stays until they are served.
  let waiting = 0;
  const closesAt = p.calendar.counter ? at(minutes(p.calendar.counter.close)) : base;

  const tryCall = async (counter: number, time: number): Promise<boolean> => {
    if (!opened.has(counter) || busy.has(counter) || closing.has(counter)) return false;
    const ticket = await world.callNext(staffOf(counter), String(counter));
    if (!ticket) return false;
    waiting--;
    busy.add(counter);
    const begin = time + (0.3 + random() * 0.5) * 60_000;
    schedule(begin, async () => {
      await world.startTicket(staffOf(counter), ticket.ticketId);
      const length = ticket.procedureCodes.reduce(
        (s, code) => s + (TRUE_MEDIAN[code] ?? 10) * Math.exp(0.45 * normal()),
        0,
      );
      const end = begin + length * 60_000;
      schedule(end, async () => {
        const served = random() >= 0.04;
        // The card itself, from the stock: a completed handover hands one over, and one that
        // finds none set up (the first days of service) is not completed: カード未着.
        const cardId =
          served && ticket.procedureCodes.includes("handover") ? p.ready.shift() : undefined;
        const noCard = served && ticket.procedureCodes.includes("handover") && !cardId;
        const completed = served && !noCard;
        await world.finish(staffOf(counter), {
          ticketId: ticket.ticketId,
          outcome: completed ? "completed" : "not_completed",
          ...(completed ? {} : { reason: noCard ? "card_not_arrived" : "documents" }),
          checklists: ALL_STEPS_DONE,
        });
        if (cardId)
          await world.handOverCard(
            staffOf(counter),
            cardId,
            random() < 0.7 ? "card_pin" : "photo_id",
          );
        busy.delete(counter);
        await tryCall(counter, end);
      });
    });
    return true;
  };
  // After a new ticket: the first free counter that can serve it calls it (the rest stay idle).
  const callAny = async (time: number) => {
    for (const counter of opened) if (await tryCall(counter, time)) return;
  };

  receiveDelivery({
    world,
    lead: p.lead,
    date: day.date,
    count: p.cards,
    random,
    schedule,
    at,
    ready: p.ready,
  });

  for (const shift of p.shifts) {
    const person = p.staff.get(shift.personId);
    if (shift.work !== "counter" || !person) continue;
    let counter: number | undefined;
    // Every counter taken (someone still finishing a visit), or the person themself still
    // finishing a visit at the counter of their work before (a short turn at the phone or
    // the setups in between): the same, a minute later.
    const sitDown = async (time: number): Promise<void> => {
      const free = COUNTERS.find((k) => !seated.has(k));
      if (free === undefined || [...seated.values()].includes(person)) {
        if (time + 60_000 < at(shift.end)) schedule(time + 60_000, () => sitDown(time + 60_000));
        return;
      }
      counter = free;
      seated.set(free, person);
      await world.openCounter(person, { counterId: String(free), until: hhmm(shift.end) });
      opened.add(free);
      await tryCall(free, time);
    };
    schedule(at(shift.start), () => sitDown(at(shift.start)));
    // The shift's end (or its break): the visit in hand is finished first.
    const leave = async (time: number): Promise<void> => {
      if (counter === undefined) return;
      const k = counter;
      closing.add(k);
      const overtime = time >= closesAt && waiting > 0 && time < closesAt + MAX_OVERTIME_MS;
      if (overtime) {
        closing.delete(k);
        await tryCall(k, time);
        closing.add(k);
      }
      if (busy.has(k) || overtime) {
        schedule(time + 60_000, () => leave(time + 60_000));
        return;
      }
      await world.closeCounter(person, String(k));
      opened.delete(k);
      closing.delete(k);
      seated.delete(k);
      counter = undefined;
    };
    schedule(at(shift.end), () => leave(at(shift.end)));
  }
  const phoneStaffAt = (minute: number) => {
    const on = p.shifts.find((s) => s.work === "phone" && s.start <= minute && minute < s.end);
    return (on && p.staff.get(on.personId)) ?? p.lead;
  };
  const windows = [p.calendar.counter, ...(p.calendar.extraSessions ?? [])];
  for (const i of day.intervals) {
    // Arrivals inside the counter's own window of this half hour, never past its close.
    const counterMinutes = Math.max(0, ...windows.map((w) => minutesIn(w, i.start)));
    if (i.counterOpen && counterMinutes > 0)
      for (const code of Object.keys(i.counter)) {
        const n = p.arrivals.get(i.start)?.[code] ?? 0;
        const withPin = code === "handover" ? (p.arrivals.get(i.start)?.[WITH_PIN_RESET] ?? 0) : 0;
        for (let k = 0; k < n; k++) {
          const time = at(i.start + random() * (counterMinutes - 0.5));
          const codes = k < withPin ? [code, "pin_reset"] : [code];
          const priority = random() < 0.03;
          const walkIn = async () => {
            await world.issue(p.kiosk, {
              procedures: codes,
              priority,
              priorityReason: priority ? "elderly" : undefined,
            });
            counts.tickets++;
            waiting++;
            await callAny(time);
          };
          if (codes.length === 1 && code === "handover" && random() < BOOKED_SHARE) {
            scheduleBookedVisit({
              world,
              schedule,
              at,
              slotMinute: i.start,
              arrivalMinute: i.start + random() * Math.min(10, counterMinutes - 0.5),
              comes: random() >= NO_SHOW_SHARE,
              // Missed the slot: comes later that day and takes a ticket (the month's visits stay
              // its volume), before the window closes.
              lateMinute: Math.min(
                i.start + NO_SHOW_GRACE_MINUTES + 2 + random() * 30,
                Math.max(
                  ...windows.map((w) => (w && minutesIn(w, i.start) > 0 ? minutes(w.close) : 0)),
                ) - 1,
              ),
              // A number of their own: one person may hold only two bookings ahead.
              phone: `0258${String(++callers).padStart(6, "0")}`,
              kiosk: p.kiosk,
              clerk: p.lead,
              walkIn,
              checkedIn: async (arrival) => {
                counts.tickets++;
                waiting++;
                await callAny(arrival);
              },
              booked: () => {
                counts.booked++;
              },
              refused: () => {
                counts.refused++;
              },
            });
          } else schedule(time, walkIn);
        }
      }
    // Calls start inside the phone hours: the half hour's own part of them, less the last minutes.
    const phoneMinutes = minutesIn(p.calendar.phone, i.start);
    if (i.phoneOpen && phoneMinutes > 0) {
      const n = p.calls.get(i.start) ?? 0;
      for (let k = 0; k < n; k++) {
        const minute = i.start + random() * Math.max(0.5, phoneMinutes - 5);
        const begin = at(minute);
        const length = 5 * Math.exp(0.4 * normal());
        schedule(begin + length * 60_000, async () => {
          await world.logPhoneCall(phoneStaffAt(minute), {
            startedAt: new Date(begin),
            endedAt: new Date(begin + length * 60_000),
            category: ["notice", "reservation", "procedure"][Math.floor(random() * 3)]!,
            outcome: "answered",
          });
          counts.calls++;
        });
      }
    }
  }
  await runOnClock(clock, async () => {
    while (events.size > 0)
      await world.batch(async () => {
        for (let n = 0; n < STEPS_PER_BATCH && events.size > 0; n++) {
          const next = events.pop();
          clock.at = next.at;
          await next.run();
        }
      });
  });
  return counts;
}

/** Steps by time, those at the same time in the order they were scheduled (a binary heap). */
class StepQueue {
  private heap: { at: number; order: number; run: Step }[] = [];
  private order = 0;

  get size() {
    return this.heap.length;
  }

  private before(i: number, j: number) {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private swap(i: number, j: number) {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }

  push(at: number, run: Step) {
    this.heap.push({ at, order: this.order++, run });
    for (let i = this.heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop() {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.before(l, m)) m = l;
        if (r < this.heap.length && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
