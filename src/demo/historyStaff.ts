import { addDays } from "../calendar/dates.ts";
import { type Actor, systemActor } from "../platform/actor.ts";
import { generatePassword, listUsers } from "../platform/auth/accounts.ts";
import type { Role } from "../platform/auth/permissions.ts";
import { runOnClock, type SteppedClock } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import { DomainError } from "../platform/errors.ts";
import { inOneTransaction, runOperation } from "../platform/operation.ts";
import { createAccountFor } from "../roster/accounts.ts";
import { findRosterPerson, readRoster } from "../roster/entries.ts";
import type { StaffingPlanOut } from "../staffing/contract.ts";
import { DEFAULT_PLAN_OPTIONS, planMonth } from "../staffing/plan.ts";
import { planOfMonth, publishPlan, rosterEntries, savePlan } from "../staffing/planBook.ts";
import { staffingInputs } from "../staffing/plans.ts";
import { minutesOf } from "../staffing/shifts.ts";
import type { WorkSegment } from "./historyDay.ts";

/**
 * Who served in the demo's past, and when: every counter and phone person on the roster signs in
 * with an account of their own, and each month is staffed as a contractor staffs it — planned by
 * the manager the evening before the month begins, published to the roster, served by its shifts.
 */

/** Sign-in names for the demo roster's people who have no demo account (random passwords, never shown). */
const HISTORY_USERNAMES: Record<string, string> = {
  "管理 一郎": "sim_kanri",
  "副管理 次郎": "sim_fukukanri",
  "窓口 花子": "sim_madoguchi",
  "青木 美咲": "sim_aoki",
  "石田 健太": "sim_ishida",
  "上野 さくら": "sim_ueno",
  "遠藤 直樹": "sim_endo",
  "大野 由美": "sim_ono",
  "加藤 翔": "sim_kato",
  "佐藤 陽子": "sim_sato",
  "高橋 大輔": "sim_takahashi",
};

export interface HistoryStaff {
  /** Each counter or phone person's actor, by roster person id. */
  byPerson: Map<string, Actor>;
  /** The 業務管理者 (or, without one, the deputy): plans, publishes, marks 不来所. */
  lead: Actor;
}

export async function historyStaff(database: Database, tenantId: string): Promise<HistoryStaff> {
  const system = systemActor(tenantId, "history");
  const roster = await runOperation(database.db, system, (ctx) => readRoster(ctx));
  const users = new Map(
    (await runOperation(database.db, system, (ctx) => listUsers(ctx))).map((u) => [u.userId, u]),
  );
  const byPerson = new Map<string, Actor>();
  let lead: Actor | undefined;
  let made = 0;
  for (const entry of roster) {
    if (!entry.roles.includes("counter") && !entry.roles.includes("phone")) continue;
    const person = await findRosterPerson(database.db, tenantId, entry.id);
    let user = person.userId ? users.get(person.userId) : undefined;
    if (!user && !person.userId) {
      user = await runOperation(database.db, system, (ctx) =>
        createAccountFor(ctx, {
          personId: person.personId,
          username: HISTORY_USERNAMES[person.nameKanji] ?? `sim_${++made}_${tenantId}`,
          role: (person.designation as "manager" | "deputy" | null) ?? "staff",
          password: generatePassword(),
        }),
      );
    }
    if (!user) continue;
    const actor: Actor = { tenantId, userId: user.userId, role: user.role as Role };
    byPerson.set(person.personId, actor);
    if (person.designation === "manager" || (!lead && person.designation === "deputy"))
      lead = actor;
  }
  if (!lead) throw new Error("no manager or deputy on the roster for the history");
  return { byPerson, lead };
}

/**
 * The month's plan, made on the last evening of the month before and published to the roster,
 * unless one is already published (a resumed run); with the roster's work of each day it gives.
 */
export async function staffMonth(
  database: Database,
  lead: Actor,
  month: string,
  clock: SteppedClock,
): Promise<{ planned: boolean; days: Map<string, WorkSegment[]> }> {
  clock.at = Date.parse(`${addDays(`${month}-01`, -1)}T18:00:00+09:00`);
  return runOnClock(clock, async () => {
    let plan = await runOperation(database.db, lead, (ctx) => planOfMonth(ctx, { month })).catch(
      (error) => {
        if (error instanceof DomainError && error.status === 404) return undefined;
        throw error;
      },
    );
    const planned = !plan?.publishedAt;
    if (!plan?.publishedAt) {
      const input = await runOperation(database.db, lead, (ctx) => staffingInputs(ctx, { month }));
      // Fewer replications than a plan made by hand: the history only needs its roster.
      const made = await planMonth(input, { ...DEFAULT_PLAN_OPTIONS, replications: 4 });
      plan = await inOneTransaction(
        database.db,
        async (ctxFor) => {
          const saved = await savePlan(ctxFor(lead), { plan: made, people: input.people });
          return publishPlan(ctxFor(lead), { planId: saved.planId });
        },
        { quiet: true },
      );
    }
    return { planned, days: workOfDays(plan) };
  });
}

/**
 * The roster's work each day, as publishing the plan put it there (split around breaks, at each
 * person's main work), in a fixed order: by start, end, then the person's name.
 */
function workOfDays(plan: StaffingPlanOut): Map<string, WorkSegment[]> {
  const people = new Map(plan.people.map((p) => [p.id, p]));
  const days = new Map<string, (WorkSegment & { name: string })[]>();
  for (const shift of plan.shifts)
    for (const entry of rosterEntries(shift, people.get(shift.personId))) {
      const list = days.get(entry.day) ?? [];
      list.push({
        personId: entry.personId,
        start: minutesOf(entry.startTime),
        end: minutesOf(entry.endTime),
        work: entry.work,
        name: people.get(entry.personId)?.name ?? "",
      });
      days.set(entry.day, list);
    }
  const byKey = (a: WorkSegment & { name: string }, b: WorkSegment & { name: string }) =>
    a.start - b.start ||
    a.end - b.end ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.work < b.work ? -1 : a.work > b.work ? 1 : 0);
  return new Map([...days].map(([day, list]) => [day, list.sort(byKey)]));
}
