import { calendarDays } from "../calendar/days.ts";
import { cardStepsPerDay } from "../cards/cards.ts";
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

/** The figures of every day in a range on which the counter or the phone was open. */
export async function draftDays(
  ctx: Ctx,
  range: { from: string; to: string },
): Promise<DailyFigures[]> {
  const days = (await calendarDays(ctx, range)).filter((d) => d.counter || d.phone);
  const records = await serviceRecords(ctx, range);
  const tickets = await ticketTimes(ctx, range);
  const bookings = await reservationCounts(ctx, range);
  const duty = new Map((await dutyBetween(ctx, range)).map((d) => [d.date, d]));
  const target = await counterTarget(ctx);
  const cardSteps = await cardStepsPerDay(ctx, range);
  return days.map((day) =>
    dailyFigures({
      date: day.date,
      records: records.filter((r) => r.serviceDay === day.date),
      tickets: tickets.filter((t) => t.serviceDay === day.date),
      reservations: bookings[day.date] ?? {},
      duty: duty.get(day.date)?.hours ?? [],
      staffOnDuty: duty.get(day.date)?.people ?? 0,
      cardSteps: cardSteps[day.date] ?? {},
      target,
    }),
  );
}

export async function draftMonth(ctx: Ctx, { month }: { month: string }): Promise<MonthlyFigures> {
  const range = monthRange(month);
  const days = await draftDays(ctx, range);
  const tickets = await ticketTimes(ctx, range);
  const duty = await dutyBetween(ctx, range);
  const { procedures } = await catalogueView(ctx);
  const { courses, sessions } = await trainingOverview(ctx);
  const notices = await rosterNotices(ctx);
  const inMonth = (iso: string) => iso.slice(0, 7) === month;
  return monthlyFigures({
    month,
    days,
    categoryOf: Object.fromEntries(procedures.map((p) => [p.code, p.reportCategory])),
    // Setups are done on any day, open or not: counted from the card stock over the whole month.
    setupsDone: Object.values(await cardStepsPerDay(ctx, range)).reduce(
      (sum, day) => sum + (day.setup ?? 0),
      0,
    ),
    waits: tickets.map(waitMinutes).filter((m): m is number => m !== null),
    paidStaffHours: duty.reduce((sum, d) => sum + d.paidHours, 0),
    training: sessions
      .filter((s) => inMonth(s.heldOn))
      .map((s) => ({
        heldOn: s.heldOn,
        title: courses.find((c) => c.courseId === s.courseId)?.title ?? s.courseId,
        attendees: s.attendees.length,
      })),
    rosterChanges: notices
      .filter((n) => inMonth(new Date(n.createdAt.getTime() + 9 * 3_600_000).toISOString()))
      .map((n) => ({ at: n.createdAt.toISOString(), summary: n.summary })),
    target: await counterTarget(ctx),
  });
}
