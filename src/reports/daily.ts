/**
 * 日次報告書 (仕様 9): the figures of one service day, drafted from what the counter recorded.
 * Pure: the sources are read by the operations (queue, reservations, roster) and handed in.
 */

/** A served procedure as the queue records it (counter or phone). */
export interface RecordIn {
  procedureCode: string;
  channel: string;
  outcome: string;
  outcomeReason: string | null;
  category: string | null;
}

/** A ticket of the day: when it was issued and called, and how it ended. */
export interface TicketIn {
  groupCode: string;
  status: string;
  issuedAt: Date;
  calledAt: Date | null;
  finishedAt: Date | null;
  /** Set for a booked visit checked in at the kiosk. */
  reservedFor: Date | null;
}

export interface DutyHourIn {
  from: string;
  to: string;
  managerOnDuty: boolean;
  deputyOnDuty: boolean;
  uncovered: boolean;
  people: number;
}

export interface DailyInput {
  date: string;
  records: RecordIn[];
  tickets: TicketIn[];
  /** The day's bookings by status (booked, checked_in, no_show, cancelled). */
  reservations: Record<string, number>;
  duty: DutyHourIn[];
  /** People on the roster's shifts that day. */
  staffOnDuty: number;
  /** The card stock's steps that day (receive, setup, hand_over …), from its records. */
  cardSteps: Record<string, number>;
  /** The service-level target: share called within so many minutes. */
  target: { share: number; minutes: number };
}

export interface Outcomes {
  completed: number;
  notCompleted: number;
}

export interface WaitFigures {
  people: number;
  meanMinutes: number;
  p90Minutes: number;
  maxMinutes: number;
  /** Share called within the target (1 when nobody waited). */
  withinTarget: number;
}

/** Phone calls end as 回答済み or 市へ転送 (handled) or 折り返し (still owed an answer). */
export const PHONE_HANDLED = new Set(["answered", "transferred_to_city"]);

export function outcomesOf(records: RecordIn[]): Record<string, Outcomes> {
  const out: Record<string, Outcomes> = {};
  for (const r of records) {
    const o = out[r.procedureCode] ?? { completed: 0, notCompleted: 0 };
    out[r.procedureCode] = o;
    const done = r.channel === "phone" ? PHONE_HANDLED.has(r.outcome) : r.outcome === "completed";
    if (done) o.completed++;
    else o.notCompleted++;
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Mean, 90th percentile (nearest rank), maximum and the share within the target, in minutes. */
export function waitFigures(minutes: number[], targetMinutes: number): WaitFigures {
  if (minutes.length === 0)
    return { people: 0, meanMinutes: 0, p90Minutes: 0, maxMinutes: 0, withinTarget: 1 };
  const sorted = [...minutes].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil(0.9 * sorted.length) - 1);
  return {
    people: sorted.length,
    meanMinutes: round1(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    p90Minutes: round1(sorted[rank]!),
    maxMinutes: round1(sorted.at(-1)!),
    withinTarget: sorted.filter((m) => m <= targetMinutes).length / sorted.length,
  };
}

/**
 * A ticket's wait: from taking it (or, booked, from the booked time if they came early) to the
 * first call. Tickets never called have no wait of their own.
 */
export function waitMinutes(t: TicketIn): number | null {
  if (!t.calledAt) return null;
  const from = t.reservedFor && t.reservedFor > t.issuedAt ? t.reservedFor : t.issuedAt;
  return Math.max(0, (t.calledAt.getTime() - from.getTime()) / 60_000);
}

/** The most people waiting at once, and when: +1 at each issue, −1 when called or ended uncalled. */
export function longestQueue(tickets: TicketIn[]): { people: number; at: string } | null {
  const steps: [number, number][] = [];
  for (const t of tickets) {
    steps.push([t.issuedAt.getTime(), 1]);
    const left = t.calledAt ?? t.finishedAt;
    if (left) steps.push([left.getTime(), -1]);
  }
  // Leaving before arriving at the same instant: a ticket called the moment it was issued never queued.
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let waiting = 0;
  let best: { people: number; at: number } | null = null;
  for (const [at, change] of steps) {
    waiting += change;
    if (waiting > 0 && (!best || waiting > best.people)) best = { people: waiting, at };
  }
  return best && { people: best.people, at: new Date(best.at).toISOString() };
}

export function dailyFigures(input: DailyInput) {
  const counter = input.records.filter((r) => r.channel === "counter");
  const phone = input.records.filter((r) => r.channel === "phone");
  const reasons: Record<string, number> = {};
  for (const r of counter)
    if (r.outcome !== "completed" && r.outcomeReason)
      reasons[r.outcomeReason] = (reasons[r.outcomeReason] ?? 0) + 1;
  const groups = [...new Set(input.tickets.map((t) => t.groupCode))].sort();
  const waitsOf = (tickets: TicketIn[]) =>
    tickets.map(waitMinutes).filter((m): m is number => m !== null);
  const count = (list: string[]) => {
    const out: Record<string, number> = {};
    for (const k of list) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  return {
    date: input.date,
    counter: outcomesOf(counter),
    notCompletedReasons: reasons,
    visits: {
      people: input.tickets.length,
      walkIns: input.tickets.filter((t) => !t.reservedFor).length,
      booked: input.tickets.filter((t) => t.reservedFor).length,
      served: input.tickets.filter((t) => t.status === "done").length,
      noShow: input.tickets.filter((t) => t.status === "no_show").length,
      cancelled: input.tickets.filter((t) => t.status === "cancelled").length,
    },
    reservations: {
      booked: Object.values(input.reservations).reduce((a, b) => a + b, 0),
      checkedIn: input.reservations.checked_in ?? 0,
      noShow: input.reservations.no_show ?? 0,
      cancelled: input.reservations.cancelled ?? 0,
    },
    waiting: {
      all: waitFigures(waitsOf(input.tickets), input.target.minutes),
      groups: groups.map((groupCode) => ({
        groupCode,
        ...waitFigures(
          waitsOf(input.tickets.filter((t) => t.groupCode === groupCode)),
          input.target.minutes,
        ),
      })),
    },
    longestQueue: longestQueue(input.tickets),
    staffing: {
      people: input.staffOnDuty,
      hours: input.duty,
      // 業務管理者または副管理者 present in every open hour (仕様 8(2)).
      leadAlwaysPresent: input.duty.every((h) => h.managerOnDuty || h.deputyOnDuty),
    },
    phone: {
      calls: phone.length,
      byOutcome: count(phone.map((r) => r.outcome)),
      byCategory: count(phone.map((r) => r.category ?? "other")),
    },
    // 事務処理 (仕様 4(4)): cards received, set up and handed over, from the card stock's records.
    backOffice: {
      received: input.cardSteps.receive ?? 0,
      setUp: input.cardSteps.setup ?? 0,
      handedOver: input.cardSteps.hand_over ?? 0,
    },
    // Filled by the equipment and incident records (仕様 7, 14) once the counter keeps them.
    equipmentTrouble: [] as Occurrence[],
    incidents: [] as Occurrence[],
    target: input.target,
  };
}

/** Something that happened during the day, as the report lists it. */
export interface Occurrence {
  at: string;
  summary: string;
}

export type DailyFigures = ReturnType<typeof dailyFigures>;
