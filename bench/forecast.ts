import { makeHistory } from "../src/demo/history.ts";
import { SEASON } from "../src/demo/historyShape.ts";
import { seedDemoIfEmpty, seedDemoRosterIfMissing } from "../src/demo/seed.ts";
import { systemActor } from "../src/platform/actor.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { DEMO_TENANT } from "../src/platform/tenancy/tenant.ts";
import { referenceDemand } from "../src/staffing/demand.ts";
import {
  countsOf,
  countsOfDemand,
  forecastDemand,
  type Grain,
  seasonalNaive,
  wape,
} from "../src/staffing/forecast.ts";
import { staffingInputs } from "../src/staffing/plans.ts";

/**
 * `npm run bench:forecast`: the forecast's accuracy on the demo's own history. The history is
 * made from empty (PGlite, in memory); then June is forecast from the records of February to May
 * and July from those to June, each learned only from what came before, and set against what
 * actually came (the service records): WAPE by day (all procedures), by day per procedure, and
 * by half hour, beside the seasonal-naive forecast (the same weekday's mean over the last four
 * weeks) and the generator's own expectation (what the demo drew its arrivals from: the noise
 * no forecast can remove). Aims: daily ≤ 10 %, half-hourly ≤ 25 %, both ≥ 20 % below naive.
 */
const database = await openDatabase({});
await database.migrate();
await seedDemoIfEmpty(database.db, "bench forecast password");
await seedDemoRosterIfMissing(database.db);
const started = performance.now();
await makeHistory(database, DEMO_TENANT.tenantId);
console.log(`history made in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const actor = systemActor(DEMO_TENANT.tenantId, "bench");

const grains: [Grain, string][] = [
  ["day", "by day, all procedures"],
  ["day_procedure", "by day per procedure"],
  ["half_hour", "by half hour"],
];
const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);
console.log(
  `${"month".padEnd(8)}${"learned until".padEnd(15)}${"grain".padEnd(24)}${"forecast".padStart(9)}${"naive".padStart(9)}${"vs naive".padStart(10)}${"generator".padStart(11)}`,
);
for (const [month, learnUntil] of [
  ["2026-06", "2026-05-31"],
  ["2026-07", "2026-06-30"],
] as const) {
  const input = await runOperation(database.db, actor, (ctx) =>
    staffingInputs(ctx, { month, learnUntil }),
  );
  // What came: the month's records, read as the planner reads history (learned up to its end).
  const after = await runOperation(database.db, actor, (ctx) =>
    staffingInputs(ctx, { month, learnUntil: input.days.at(-1)!.date }),
  );
  const actual = countsOf(after.history.filter((r) => r.serviceDay.startsWith(month)));
  const learned = forecastDemand(input.days, input.history, input.historyDays);
  if (!learned) throw new Error(`${month}: under eight weeks of records`);
  const forecast = countsOfDemand(learned);
  const naive = seasonalNaive(input.days, input.history, learnUntil);
  const season = SEASON[month.slice(5)] ?? 1;
  const generator = countsOfDemand(
    referenceDemand(
      input.days,
      Object.fromEntries(Object.entries(input.monthlyVolumes).map(([k, v]) => [k, v * season])),
    ),
  );
  for (const [grain, label] of grains) {
    const f = wape(actual, forecast, grain);
    const n = wape(actual, naive, grain);
    console.log(
      `${month.padEnd(8)}${learnUntil.padEnd(15)}${label.padEnd(24)}${pct(f)} ${pct(n)} ${`${((1 - f / n) * 100).toFixed(0)} %`.padStart(9)} ${pct(wape(actual, generator, grain))}`,
    );
  }
}
await database.close();
