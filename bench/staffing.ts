import { seedDemoIfEmpty } from "../src/demo/seed.ts";
import { systemActor } from "../src/platform/actor.ts";
import { startClockAt } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { runOperation } from "../src/platform/operation.ts";
import { openConfiguredDatabase } from "../src/server.ts";
import { referenceDemand } from "../src/staffing/demand.ts";
import { planMonth } from "../src/staffing/plan.ts";
import { staffingInputs } from "../src/staffing/plans.ts";
import { createTestDatabase } from "../test/db.ts";

/**
 * `npm run bench:staffing`: the demo tenant's busiest month (of August to December 2026, by
 * expected arrivals) planned end to end on this machine — staff-hours, the proven lower bound and
 * the gap, the flat baseline and the saving, the simulated service level with its 95 % interval,
 * and the runtime. Targets: gap ≤ 2 %, service level ≥ target, runtime ≤ 10 s on 2 cores.
 * `BENCH_DATA=./data npm run bench:staffing` plans from a demo database's service history.
 */
// BENCH_DATA: a demo data folder whose service history is made (`npm start` makes it), so the
// planner learns its demand from the records; without it, a fresh database and the reference.
const database = process.env.BENCH_DATA
  ? (await openConfiguredDatabase(loadConfig({ MADOGUCHI_DATA: process.env.BENCH_DATA }))).database
  : await createTestDatabase();
startClockAt(new Date("2026-07-20T10:00:00+09:00"));
await seedDemoIfEmpty(database.db, "bench password 1");
const actor = systemActor("nagaoka", "bench");
const months = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"];
let busiest = { month: months[0]!, arrivals: 0 };
for (const month of months) {
  const input = await runOperation(database.db, actor, (ctx) => staffingInputs(ctx, { month }));
  const arrivals = referenceDemand(input.days, input.monthlyVolumes)
    .flatMap((d) => d.intervals)
    .reduce((s, i) => s + Object.values(i.counter).reduce((a, b) => a + b, 0), 0);
  if (arrivals > busiest.arrivals) busiest = { month, arrivals };
}
const started = performance.now();
const input = await runOperation(database.db, actor, (ctx) =>
  staffingInputs(ctx, { month: busiest.month }),
);
const plan = await planMonth(input);
const runtime = performance.now() - started;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(
  `busiest month          ${busiest.month} (${Math.round(busiest.arrivals)} expected visits, ${plan.demandSource} demand)`,
);
console.log(`staff-hours            ${plan.staffHours.toFixed(1)}`);
console.log(`lower bound            ${plan.lowerBoundHours.toFixed(1)}`);
console.log(`gap                    ${plan.gapPercent.toFixed(2)} % (${plan.ended})`);
console.log(`baseline staff-hours   ${plan.baselineStaffHours.toFixed(1)}`);
console.log(`saving                 ${plan.savingPercent.toFixed(1)} %`);
console.log(
  `simulated service level ${pct(plan.simulated.serviceLevel)} within ${plan.targets.counterWaitMinutes} min (95 % CI ${pct(plan.simulated.ciLow)}–${pct(plan.simulated.ciHigh)}), target ${pct(plan.targets.counterServiceLevel)}; mean wait ${plan.simulated.meanWaitMinutes.toFixed(1)} min, p90 ${plan.simulated.p90WaitMinutes.toFixed(1)} min`,
);
console.log(`baseline simulated     ${pct(plan.baselineSimulated.serviceLevel)}`);
console.log(
  `runtime                ${(runtime / 1000).toFixed(2)} s (read + plan + simulate), planner ${(plan.runtimeMs / 1000).toFixed(2)} s`,
);
console.log(
  `unmet ranges           ${plan.unmet.length}; setups not fitted ${plan.unscheduledSetups}`,
);
await database.close();
