import { addDays } from "../calendar/dates.ts";
import { type Actor, systemActor } from "../platform/actor.ts";
import { generatePassword, listUsers } from "../platform/auth/accounts.ts";
import type { Role } from "../platform/auth/permissions.ts";
import { runOnClock, type SteppedClock } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import { DomainError } from "../platform/errors.ts";
import { type Ctx, inOneTransaction, runOperation } from "../platform/operation.ts";
import { createAccountFor } from "../roster/accounts.ts";
import { findRosterPerson, readRoster } from "../roster/entries.ts";
import type { StaffingPlanOut } from "../staffing/contract.ts";
import {
  DEFAULT_PLAN_OPTIONS,
  type PlanInput,
  planMonth,
  type StaffingPlan,
} from "../staffing/plan.ts";
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

/** The evening the manager plans next month's roster (from the records up to then). */
export const PLANNING_DAY = 15;
/** When the manager plans and publishes: after closing, later than any counter stays open. */
const EVENING = "21:00";

export interface StaffedMonth {
  /** Whether this run made the plan (not one published before). */
  planned: boolean;
  days: Map<string, WorkSegment[]>;
}

/** A month's plan being made: its inputs read, the solve under way in the planner's workers. */
export interface MonthPlanning {
  month: string;
  input: PlanInput;
  made: Promise<StaffingPlan>;
}

/** Far beyond any month's solve (a few seconds): the limit only stops a solver gone wrong. */
const HISTORY_SOLVE_SECONDS = 300;

/**
 * What the planner reads for a month, through its operation (the roster read is audited), and
 * the solve started: it goes on in the planner's workers while the history carries on.
 */
export function startPlanning(ctx: Ctx, month: string): Promise<MonthPlanning> {
  return staffingInputs(ctx, { month }).then((input) => {
    // Fewer replications than a plan made by hand: the history only needs its roster. Solved to
    // its gap, never cut by the clock: a roster that depended on how busy the machine was would
    // make a different history on each run.
    const made = planMonth(input, {
      ...DEFAULT_PLAN_OPTIONS,
      replications: 4,
      timeLimitSeconds: HISTORY_SOLVE_SECONDS,
    });
    made.catch(() => {});
    return { month, input, made };
  });
}

/** The plan kept and published to the roster the evening before its month begins. */
export async function publishPlanning(
  database: Database,
  lead: Actor,
  planning: MonthPlanning,
  clock: SteppedClock,
): Promise<StaffedMonth> {
  const made = await planning.made;
  clock.at = Date.parse(`${addDays(`${planning.month}-01`, -1)}T${EVENING}:00+09:00`);
  const plan = await runOnClock(clock, () =>
    inOneTransaction(
      database.db,
      async (ctxFor) => {
        const saved = await savePlan(ctxFor(lead), { plan: made, people: planning.input.people });
        return publishPlan(ctxFor(lead), { planId: saved.planId });
      },
      { quiet: true },
    ),
  );
  return { planned: true, days: workOfDays(plan) };
}

/** The published plan of a month, if there is one (a resumed run). */
export async function publishedPlan(
  database: Database,
  lead: Actor,
  month: string,
): Promise<StaffedMonth | undefined> {
  const plan = await runOperation(database.db, lead, (ctx) => planOfMonth(ctx, { month })).catch(
    (error) => {
      if (error instanceof DomainError && error.status === 404) return undefined;
      throw error;
    },
  );
  return plan?.publishedAt ? { planned: false, days: workOfDays(plan) } : undefined;
}

/**
 * A month nobody planned in the month before (the first one, or a resumed run): planned and
 * published at once, the evening before it begins, from the records up to then.
 */
export async function staffMonth(
  database: Database,
  lead: Actor,
  month: string,
  clock: SteppedClock,
): Promise<StaffedMonth> {
  const published = await publishedPlan(database, lead, month);
  if (published) return published;
  clock.at = Date.parse(`${addDays(`${month}-01`, -1)}T${EVENING}:00+09:00`);
  const planning = await runOnClock(clock, () =>
    runOperation(database.db, lead, (ctx) => startPlanning(ctx, month)),
  );
  return publishPlanning(database, lead, planning, clock);
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
