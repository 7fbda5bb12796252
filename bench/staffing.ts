import { makeHistory } from "../src/demo/history.ts";
import { seedDemoIfEmpty, seedDemoRosterIfMissing } from "../src/demo/seed.ts";
import { systemActor } from "../src/platform/actor.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { DEMO_TENANT } from "../src/platform/tenancy/tenant.ts";
import { openConfiguredDatabase } from "../src/server.ts";
import { type PlanInput, planMonth, type StaffingPlan } from "../src/staffing/plan.ts";
import { staffingInputs } from "../src/staffing/plans.ts";
import { minutesOf } from "../src/staffing/shifts.ts";
import { warmSolvers } from "../src/staffing/solver.ts";

/**
 * `npm run bench:staffing`: the planner on the demo's own demand. The demo history is made from
 * empty (PGlite, in memory; `BENCH_DATA=./data` reads a demo data folder instead), then every
 * month from February to August is planned on the demand learned from the whole history (to
 * 2026-07-31), and August once more on the reference volumes (§8(5)) alone. One row a month:
 * staff-hours, the floor (Σ required × the interval's length, plus the breaks taken), the
 * proven bound and the gap, the unmet ranges by cause, the simulated service level with its 95 %
 * interval, the flat baseline's hours and level, and the runtime. Targets: service level ≥ the
 * target, hours within 10 % of the floor, gap ≤ 2 %, each month ≤ 10 s on 2 cores.
 */
const LEARN_UNTIL = "2026-07-31";
const MONTHS = ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"];

const database = process.env.BENCH_DATA
  ? (await openConfiguredDatabase(loadConfig({ MADOGUCHI_DATA: process.env.BENCH_DATA }))).database
  : await openDatabase({});
if (!process.env.BENCH_DATA) {
  await database.migrate();
  await seedDemoIfEmpty(database.db, "bench staffing password");
  await seedDemoRosterIfMissing(database.db);
  const started = performance.now();
  await makeHistory(database, DEMO_TENANT.tenantId);
  console.log(`demo history made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
warmSolvers(2);
const actor = systemActor(DEMO_TENANT.tenantId, "bench");

/** Σ required × length over the month's intervals, plus the breaks the plan's shifts take. */
function floorOf(plan: StaffingPlan): number {
  const required = plan.intervals.reduce(
    (s, i) =>
      s + ((i.counterRequired + i.phoneRequired + i.setupRequired) * (i.minutes ?? 30)) / 60,
    0,
  );
  const breaks = plan.shifts.reduce(
    (s, x) =>
      s + (x.breakStart && x.breakEnd ? (minutesOf(x.breakEnd) - minutesOf(x.breakStart)) / 60 : 0),
    0,
  );
  return required + breaks;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`;
const head = [
  "month",
  "demand",
  "staff-h",
  "floor",
  "vs floor",
  "bound",
  "gap",
  "unmet by cause",
  "service level (CI)",
  "target",
  "½h under target (terminal-free / bound)",
  "baseline h",
  "baseline SL",
  "runtime",
];
console.log(`\n| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|`);
let worst = 0;
const row = async (month: string, label: string, input: PlanInput) => {
  const started = performance.now();
  const plan = await planMonth(input);
  const seconds = (performance.now() - started) / 1000;
  worst = Math.max(worst, seconds);
  const floor = floorOf(plan);
  const causes = new Map<string, number>();
  for (const u of plan.unmet) causes.set(u.cause, (causes.get(u.cause) ?? 0) + 1);
  const s = plan.simulated;
  console.log(
    `| ${[
      month,
      label,
      plan.staffHours.toFixed(1),
      floor.toFixed(1),
      `${(((plan.staffHours - floor) / floor) * 100).toFixed(1)} %`,
      plan.lowerBoundHours.toFixed(1),
      `${plan.gapPercent.toFixed(2)} %`,
      [...causes].map(([c, n]) => `${c} ${n}`).join(", ") || "none",
      `${pct(s.serviceLevel)} % (${pct(s.ciLow)}–${pct(s.ciHigh)})`,
      `${pct(plan.targets.counterServiceLevel)} % in ${plan.targets.counterWaitMinutes} min`,
      `${plan.belowTarget?.terminalFree ?? "–"} / ${plan.belowTarget?.terminalBound ?? "–"} of ${plan.belowTarget?.intervals ?? "–"}`,
      plan.baselineStaffHours.toFixed(1),
      `${pct(plan.baselineSimulated.serviceLevel)} %`,
      `${seconds.toFixed(1)} s`,
    ].join(" | ")} |`,
  );
};
let august: PlanInput | undefined;
for (const month of MONTHS) {
  const input = await runOperation(database.db, actor, (ctx) =>
    staffingInputs(ctx, { month, learnUntil: LEARN_UNTIL }),
  );
  if (month === "2026-08") august = input;
  await row(month, "learned", input);
}
await row("2026-08", "reference", { ...august!, history: [], historyDays: [] });
console.log(`\nslowest month ${worst.toFixed(1)} s (read + plan + simulate)`);
await database.close();
process.exit(0);
