import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarRange } from "../../src/calendar/days.ts";
import {
  HISTORY_FROM,
  HISTORY_TO,
  type HistoryResult,
  makeHistory,
} from "../../src/demo/history.ts";
import { SEASON } from "../../src/demo/historyShape.ts";
import { historyStaff } from "../../src/demo/historyStaff.ts";
import { seedDemoIfEmpty, seedDemoRosterIfMissing } from "../../src/demo/seed.ts";
import { verifyAuditChain } from "../../src/platform/audit/store.ts";
import { localTime } from "../../src/platform/clock.ts";
import { type Database, queryRows } from "../../src/platform/db/index.ts";
import { runOperation } from "../../src/platform/operation.ts";
import { DEMO_TENANT } from "../../src/platform/tenancy/tenant.ts";
import { monthlyReport } from "../../src/reports/reports.ts";
import { createTestDatabase } from "../db.ts";

/**
 * The whole demo history, from an empty demo database, as a new user's first start makes it: on
 * PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (CI runs both). Then everything it
 * promises is checked on what it wrote: the audit chain, the reports against the records, the
 * card stock's order, the plans, §8(5)'s volumes, the calendar's hours, and its own run time.
 */
const TENANT = DEMO_TENANT.tenantId;
const MONTHS = ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"];
const MAX_SECONDS = 60;

let database: Database;
let result: HistoryResult;
let seconds = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, "whole-history-password-1");
  await seedDemoRosterIfMissing(database.db);
  const started = performance.now();
  result = await makeHistory(database, TENANT, {
    onProgress: (line) => process.stdout.write(`  ${line}\n`),
  });
  seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `  whole demo history on ${database.kind}: ${seconds.toFixed(1)} s, ${result.days} days, ${result.tickets} visits, ${result.calls} calls, ${result.rows} rows (${Math.round(result.rows / seconds)} rows/s)\n`,
  );
}, 180_000);
afterAll(async () => {
  await database.close();
});

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

describe("the whole demo history, from empty", () => {
  it(`is made, every month of it, within ${MAX_SECONDS} s`, async () => {
    expect(result.days).toBeGreaterThan(115);
    expect(result.plans).toBe(6);
    expect(result.reports).toBe(6);
    // A booking refused for a full slot is the one step allowed to fail (the person walks in,
    // and the month's volume stays exact): seldom, at the rush's peaks.
    expect(result.refusedBookings).toBeLessThanOrEqual(result.reservations * 0.01);
    expect(seconds).toBeLessThanOrEqual(MAX_SECONDS);
    const made = await makeHistory(database, TENANT);
    expect(made).toMatchObject({ days: 0, plans: 0, reports: 0, rows: 0 });
    expect(made.skipped).toBe(result.days);
  });

  it("keeps an audit chain that verifies", async () => {
    expect(await verifyAuditChain(database.db, TENANT)).toMatchObject({ ok: true });
  });

  it("reports every month with the figures its service records count", async () => {
    const { lead } = await historyStaff(database, TENANT);
    for (const month of MONTHS) {
      const report = await runOperation(database.db, lead, (ctx) => monthlyReport(ctx, { month }));
      expect(report.status, month).not.toBe("draft");
      const totals = report.versions[0]!.figures.totals;
      const counted = await rows<{ category: string; n: number }>(sql`
        select coalesce(p.report_category, r.procedure_code) as category, count(*)::int as n
          from service_records r
          left join procedures p on p.tenant_id = r.tenant_id and p.code = r.procedure_code
         where r.tenant_id = ${TENANT} and to_char(r.service_day, 'YYYY-MM') = ${month}
         group by 1`);
      const setups = await rows<{ n: number }>(sql`
        select count(*)::int as n from card_events
         where tenant_id = ${TENANT} and action = 'setup'
           and to_char(at at time zone 'Asia/Tokyo', 'YYYY-MM') = ${month}`);
      const sqlTotals = Object.fromEntries(counted.map((c) => [c.category, c.n]));
      sqlTotals.setup = (sqlTotals.setup ?? 0) + setups[0]!.n;
      for (const [category, t] of Object.entries(totals))
        expect(t.completed + t.notCompleted, `${month} ${category}`).toBe(sqlTotals[category] ?? 0);
    }
  });

  it("hands over only cards set up first, and leaves none unset past its deadline", async () => {
    const [early] = await rows<{ n: number }>(sql`
      select count(*)::int as n from card_events h
       where h.tenant_id = ${TENANT} and h.action = 'hand_over'
         and not exists (select 1 from card_events s where s.tenant_id = h.tenant_id
           and s.card_id = h.card_id and s.action = 'setup' and s.at <= h.at)`);
    expect(early!.n).toBe(0);
    const [late] = await rows<{ n: number }>(sql`
      select count(*)::int as n from cards where tenant_id = ${TENANT}
         and state = 'received' and (setup_due_on is null or setup_due_on < ${HISTORY_TO})`);
    expect(late!.n).toBe(0);
    const [handed] = await rows<{ n: number }>(sql`
      select count(*)::int as n from cards where tenant_id = ${TENANT} and state = 'handed_over'`);
    expect(handed!.n).toBeGreaterThan(5000);
  });

  it("staffs every month by a published plan, and closes every counter it opens", async () => {
    const plans = await rows<{ month: string }>(sql`
      select distinct month from staffing_plans
       where tenant_id = ${TENANT} and published_at is not null order by 1`);
    expect(plans.map((p) => p.month)).toEqual(MONTHS);
    // Each published plan expected about the visits its month had: a forecast that read half a
    // month as a whole one staffed the next at half its people.
    const expected = await rows<{ month: string; arrivals: number }>(sql`
      select month, (select sum((i->>'arrivals')::float) from jsonb_array_elements(plan->'intervals') i) as arrivals
        from staffing_plans where tenant_id = ${TENANT} and published_at is not null`);
    const visits = await rows<{ month: string; n: number }>(sql`
      select to_char(service_day, 'YYYY-MM') as month, count(distinct ticket_id)::int as n
        from service_records where tenant_id = ${TENANT} and channel = 'counter' group by 1`);
    for (const e of expected) {
      const n = visits.find((v) => v.month === e.month)?.n ?? 0;
      expect(
        Math.abs(e.arrivals / n - 1),
        `${e.month}: ${e.arrivals} expected, ${n} came`,
      ).toBeLessThan(0.3);
    }
    const [open] = await rows<{ n: number }>(sql`
      select count(*)::int as n from counter_sessions where tenant_id = ${TENANT} and closed_at is null`);
    expect(open!.n).toBe(0);
    const [waiting] = await rows<{ n: number }>(sql`
      select count(*)::int as n from tickets where tenant_id = ${TENANT} and status <> 'done'`);
    expect(waiting!.n).toBe(0);
  });

  it("follows §8(5) exactly: each category's month is its reference volume times the season", async () => {
    const counted = await rows<{ month: string; category: string; n: number }>(sql`
      select to_char(r.service_day, 'YYYY-MM') as month,
             coalesce(p.report_category, r.procedure_code) as category, count(*)::int as n
        from service_records r
        left join procedures p on p.tenant_id = r.tenant_id and p.code = r.procedure_code
       where r.tenant_id = ${TENANT} group by 1, 2
      union all
      select to_char(at at time zone 'Asia/Tokyo', 'YYYY-MM'), 'setup', count(*)::int
        from card_events where tenant_id = ${TENANT} and action = 'setup' group by 1`);
    const volumes = DEMO_TENANT.reference.monthlyVolumes;
    for (const [category, reference] of Object.entries(volumes))
      for (const month of MONTHS) {
        const n = counted.find((c) => c.month === month && c.category === category)?.n ?? 0;
        expect(n, `${category} ${month}`).toBe(
          Math.round(reference * (SEASON[month.slice(5)] ?? 1)),
        );
      }
  });

  it("hands over a card at every completed handover, and says カード未着 where none was ready", async () => {
    const byMonth = await rows<{ month: string; completed: number; handed: number }>(sql`
      select m.month, coalesce(c.n, 0)::int as completed, coalesce(h.n, 0)::int as handed
        from (select distinct to_char(service_day, 'YYYY-MM') as month from service_records
               where tenant_id = ${TENANT}) m
        left join (select to_char(service_day, 'YYYY-MM') as month, count(*) as n
                     from service_records where tenant_id = ${TENANT}
                      and procedure_code = 'handover' and outcome = 'completed' group by 1) c
          on c.month = m.month
        left join (select to_char(at at time zone 'Asia/Tokyo', 'YYYY-MM') as month, count(*) as n
                     from card_events where tenant_id = ${TENANT} and action = 'hand_over'
                    group by 1) h on h.month = m.month`);
    expect(byMonth.map((m) => m.month)).toEqual(MONTHS);
    for (const m of byMonth) expect(m.handed, m.month).toBe(m.completed);
    const [unready] = await rows<{ n: number }>(sql`
      select count(*)::int as n from service_records where tenant_id = ${TENANT}
         and procedure_code = 'handover' and outcome = 'not_completed'
         and outcome_reason <> all (array['documents', 'card_not_arrived'])`);
    expect(unready!.n).toBe(0);
  });

  it("takes calls only inside the phone hours, and visits only inside the counter's", async () => {
    const days = new Map(
      (await calendarRange(database.db, TENANT, HISTORY_FROM, HISTORY_TO)).map((d) => [d.date, d]),
    );
    const calls = await rows<{ day: string; started_at: string }>(sql`
      select to_char(service_day, 'YYYY-MM-DD') as day, started_at from service_records
       where tenant_id = ${TENANT} and channel = 'phone'`);
    expect(calls.length).toBeGreaterThan(1400);
    for (const c of calls) {
      const phone = days.get(c.day)?.phone;
      const hm = localTime(new Date(c.started_at));
      expect(phone && phone.open <= hm && hm < phone.close, `${c.day} ${hm}`).toBe(true);
    }
    const tickets = await rows<{ day: string; issued_at: string }>(sql`
      select to_char(service_day, 'YYYY-MM-DD') as day, issued_at from tickets
       where tenant_id = ${TENANT}`);
    for (const t of tickets) {
      const day = days.get(t.day)!;
      const hm = localTime(new Date(t.issued_at));
      const open = [day.counter, ...(day.extraSessions ?? [])].some(
        (w) => w !== null && w.open <= hm && hm < w.close,
      );
      expect(open, `${t.day} ${hm}`).toBe(true);
    }
  });
});
