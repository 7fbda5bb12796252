import { calendarDays } from "../calendar/days.ts";
import { cardStepsPerDay } from "../cards/cards.ts";
import { localDate } from "../platform/clock.ts";
import type { Ctx } from "../platform/operation.ts";
import { catalogueView, serviceRecords, ticketTimes } from "../queue/reads.ts";
import { reservationCounts } from "../reservations/counts.ts";
import { dutyBetween } from "../roster/duty.ts";
import { rosterNotices } from "../roster/rosterNotices.ts";
import { counterTarget } from "../staffing/targets.ts";
import { trainingOverview } from "../training/courses.ts";
import { type DailyFigures, dailyFigures, waitMinutes } from "./daily.ts";
import { type MonthlyFigures, monthlyFigures } from "./monthly.ts";

/**
 * What the reports are drafted from, read through the owning domains' operations in the
 * request's transaction: the calendar, the service records, the tickets' times, the bookings'
 * counts, the duty roster, the service-level target, training and roster notices.
 */

export const monthRange = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
};

/** What the reports read for a range of days, each source once. */
async function readRange(ctx: Ctx, range: { from: string; to: string }) {
  return {
    calendar: await calendarDays(ctx, range),
    records: await serviceRecords(ctx, range),
    tickets: await ticketTimes(ctx, range),
    bookings: await reservationCounts(ctx, range),
    duty: await dutyBetween(ctx, range),
    target: await counterTarget(ctx),
    cardSteps: await cardStepsPerDay(ctx, range),
  };
}

const byDay = <T extends { serviceDay: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.serviceDay, [...(out.get(r.serviceDay) ?? []), r]);
  return out;
};

/**
 * The figures of every day in a range on which the counter or the phone was open, with what
 * they were drafted from (the month and the dashboards need the same sources again).
 */
export async function draftRange(ctx: Ctx, range: { from: string; to: string }) {
  const read = await readRange(ctx, range);
  const records = byDay(read.records);
  const tickets = byDay(read.tickets);
  const duty = new Map(read.duty.map((d) => [d.date, d]));
  const days: DailyFigures[] = read.calendar
    .filter((d) => d.counter || d.phone)
    .map((day) =>
      dailyFigures({
        date: day.date,
        records: records.get(day.date) ?? [],
        tickets: tickets.get(day.date) ?? [],
        reservations: read.bookings[day.date] ?? {},
        duty: duty.get(day.date)?.hours ?? [],
        staffOnDuty: duty.get(day.date)?.people ?? 0,
        cardSteps: read.cardSteps[day.date] ?? {},
        target: read.target,
      }),
    );
  return { days, read };
}

export const draftDays = async (ctx: Ctx, range: { from: string; to: string }) =>
  (await draftRange(ctx, range)).days;

export async function draftMonth(ctx: Ctx, { month }: { month: string }): Promise<MonthlyFigures> {
  const { days, read } = await draftRange(ctx, monthRange(month));
  const { procedures } = await catalogueView(ctx);
  const { courses, sessions } = await trainingOverview(ctx);
  const notices = await rosterNotices(ctx);
  const inMonth = (iso: string) => iso.slice(0, 7) === month;
  return monthlyFigures({
    month,
    days,
    categoryOf: Object.fromEntries(procedures.map((p) => [p.code, p.reportCategory])),
    // Setups are done on any day, open or not: counted from the card stock over the whole month.
    setupsDone: Object.values(read.cardSteps).reduce((sum, day) => sum + (day.setup ?? 0), 0),
    waits: read.tickets.map(waitMinutes).filter((m): m is number => m !== null),
    paidStaffHours: read.duty.reduce((sum, d) => sum + d.paidHours, 0),
    training: sessions
      .filter((s) => inMonth(s.heldOn))
      .map((s) => ({
        heldOn: s.heldOn,
        title: courses.find((c) => c.courseId === s.courseId)?.title ?? s.courseId,
        attendees: s.attendees.length,
      })),
    rosterChanges: notices
      .filter((n) => inMonth(localDate(n.createdAt)))
      .map((n) => ({ at: n.createdAt.toISOString(), summary: n.summary })),
    target: read.target,
  });
}
