import { addDays } from "../calendar/dates.ts";
import { recordExpense } from "../expenses/ledger.ts";
import { claimPayment, paymentTerms, recordPayment } from "../payments/payments.ts";
import { type Actor, systemActor } from "../platform/actor.ts";
import { listUsers } from "../platform/auth/accounts.ts";
import { now, runOnClock, type SteppedClock } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import { type Ctx, runOperation } from "../platform/operation.ts";
import { inspectReport, reportStatuses, submitReport } from "../reports/reports.ts";
import { monthRange } from "../reports/sources.ts";

/**
 * The paperwork of the demo's past, as the contract runs it: each month's completion report
 * submitted by the manager on the 5th of the next month and accepted by the city on the 8th;
 * the payment claimed on the 10th and paid on the 25th; the month's consumables booked on its
 * last day. The history's last month stays as it
 * would be the day after its report went in: submitted, awaiting inspection; the month before
 * it claimed, not yet paid. Nothing is dated after the present.
 */
export async function fileHistoryReports(
  database: Database,
  tenantId: string,
  lead: Actor,
  months: string[],
  clock: SteppedClock,
): Promise<number> {
  if (months.length === 0) return 0;
  const system = systemActor(tenantId, "history");
  // On the history's clock: the paperwork starts as the last month closes.
  clock.at = Date.parse(`${monthRange(months.at(-1)!).to}T21:30:00+09:00`);
  const users = await runOnClock(clock, () =>
    runOperation(database.db, system, (ctx) => listUsers(ctx)),
  );
  const officer = users.find((u) => u.role === "city");
  const city: Actor = officer
    ? { tenantId, userId: officer.userId, role: "city", displayName: officer.displayName }
    : { ...system, displayName: "市民課" };
  const leadNamed = {
    ...lead,
    displayName: users.find((u) => u.userId === lead.userId)?.displayName,
  };
  const done = new Map(
    (
      await runOnClock(clock, () =>
        runOperation(database.db, system, (ctx) =>
          reportStatuses(ctx, { kind: "monthly", from: months[0]!, to: months.at(-1)! }),
        ),
      )
    ).map((r) => [r.period, r.status]),
  );
  const terms = await runOnClock(clock, () =>
    runOperation(database.db, system, (ctx) => paymentTerms(ctx)),
  );
  let filed = 0;
  const at = (month: string, day: number, time: string) => {
    const next = addDays(monthRange(month).to, day);
    return Date.parse(`${next}T${time}:00+09:00`);
  };
  const step = <T>(when: number, actor: Actor, work: (ctx: Ctx) => Promise<T>) => {
    clock.at = when;
    return runOnClock(clock, () => runOperation(database.db, actor, work));
  };
  for (const [i, month] of months.entries()) {
    const last = i === months.length - 1;
    const submitAt = at(month, 5, "10:00");
    // Never in the demo's future (its clock may stand in the middle of the history).
    if (submitAt > now().getTime()) break;
    if (!done.has(month)) {
      // The month's consumables, booked as the month closes.
      await step(at(month, 0, "16:00"), leadNamed, (ctx) =>
        recordExpense(ctx, {
          month,
          category: "consumables",
          description: "用紙・トナー・番号札用紙",
          amount: 38_500 + (i % 3) * 2_200,
        }),
      );
      const version = await step(submitAt, leadNamed, (ctx) =>
        submitReport(ctx, "monthly", {
          period: month,
          remarks: "当月の業務を仕様書のとおり実施しました。詳細は日別実績のとおりです。",
        }),
      );
      filed++;
      if (last) continue;
      await step(at(month, 8, "15:00"), city, (ctx) =>
        inspectReport(ctx, { reportId: version.reportId, decision: "accept" }),
      );
    }
    if (last || !terms?.schedule.some((s) => s.month === month)) continue;
    if (done.has(month)) continue;
    await step(at(month, 10, "09:30"), leadNamed, (ctx) => claimPayment(ctx, { month }));
    if (i < months.length - 2)
      await step(at(month, 25, "14:00"), city, (ctx) => recordPayment(ctx, { month }));
  }
  return filed;
}
