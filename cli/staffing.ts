import type { Database } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { liftText } from "../src/staffing/contract.ts";
import { referenceDemand } from "../src/staffing/demand.ts";
import { forecastDemand, forecastView } from "../src/staffing/forecast.ts";
import { planMonth } from "../src/staffing/plan.ts";
import { staffingInputs } from "../src/staffing/plans.ts";
import { cliActor, type Output, parse, UsageError } from "./commands.ts";

const USAGE = `usage: madoguchi staffing plan --tenant T --month YYYY-MM [--target 0.8/15m] [--json]
       madoguchi staffing forecast --tenant T --month YYYY-MM [--learn-until YYYY-MM-DD] [--json]`;

/** `0.8/15m` or `80%/15m`: the share of people called within the minutes. */
export function parseTarget(text: string): {
  counterServiceLevel: number;
  counterWaitMinutes: number;
} {
  const m = /^(\d+(?:\.\d+)?)(%?)\/(\d+)m$/.exec(text.trim());
  if (!m) throw new UsageError(`--target must look like 0.8/15m, not ${text}`);
  const level = Number(m[1]) / (m[2] ? 100 : 1);
  if (!(level > 0 && level < 1)) throw new UsageError("the target share must be between 0 and 1");
  return { counterServiceLevel: level, counterWaitMinutes: Number(m[3]) };
}

/** `madoguchi staffing plan`: the month's optimised roster, its bound, the baseline, the simulation. */
/** Unmet ranges printed in full; the rest are counted (the JSON has them all). */
const UNMET_SHOWN = 12;

export async function staffingCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    month: { type: "string" },
    target: { type: "string" },
    json: { type: "boolean" },
    "learn-until": { type: "string" },
  });
  if (
    positionals[0] === "forecast" &&
    typeof values.tenant === "string" &&
    typeof values.month === "string"
  )
    return forecastCommand(database, io, {
      tenant: values.tenant,
      month: values.month,
      learnUntil: typeof values["learn-until"] === "string" ? values["learn-until"] : undefined,
      json: values.json === true,
    });
  if (
    positionals[0] !== "plan" ||
    typeof values.tenant !== "string" ||
    typeof values.month !== "string"
  )
    throw new UsageError(USAGE);
  const target = typeof values.target === "string" ? parseTarget(values.target) : undefined;
  const input = await runOperation(database.db, cliActor(values.tenant), (ctx) =>
    staffingInputs(ctx, { month: values.month as string, targets: target }),
  );
  const plan = await planMonth(input);
  if (values.json) {
    io.out(JSON.stringify(plan, null, 2));
    return 0;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  io.out(
    `${values.tenant} ${plan.month}: demand from ${plan.demandSource === "history" ? "the service records" : "the reference volumes (§8(5))"}`,
  );
  io.out(
    `  staff-hours        ${plan.staffHours.toFixed(1)}  (lower bound ${plan.lowerBoundHours.toFixed(1)}, gap ${plan.gapPercent.toFixed(2)}%, ${plan.ended})`,
  );
  io.out(
    `  flat baseline      ${plan.baselineStaffHours.toFixed(1)}  (saving ${plan.savingPercent.toFixed(1)}%)`,
  );
  io.out(
    `  simulated          ${pct(plan.simulated.serviceLevel)} called within ${plan.targets.counterWaitMinutes} min [${pct(plan.simulated.ciLow)}, ${pct(plan.simulated.ciHigh)}], mean wait ${plan.simulated.meanWaitMinutes.toFixed(1)} min, p90 ${plan.simulated.p90WaitMinutes.toFixed(1)} min`,
  );
  io.out(`  baseline simulated ${pct(plan.baselineSimulated.serviceLevel)}`);
  io.out(
    `  shifts ${plan.shifts.length}, unmet ranges ${plan.unmet.length}, setups not fitted ${plan.unscheduledSetups}, ${plan.runtimeMs} ms`,
  );
  // Each unmet range by the rule that binds it, and the first few with what would lift them.
  const byCause = new Map<string, number>();
  for (const u of plan.unmet) byCause.set(u.cause, (byCause.get(u.cause) ?? 0) + 1);
  if (byCause.size > 0)
    io.out(`  unmet by cause     ${[...byCause].map(([cause, n]) => `${cause} ${n}`).join(", ")}`);
  for (const u of plan.unmet.slice(0, UNMET_SHOWN))
    io.out(`    ${u.date} ${u.from}–${u.to} ${u.rule} −${u.missing}: ${liftText(u, "en")}`);
  if (plan.unmet.length > UNMET_SHOWN)
    io.out(`    … ${plan.unmet.length - UNMET_SHOWN} more (--json lists them all)`);
  return 0;
}

/**
 * `madoguchi staffing forecast`: the expected arrivals per procedure, per day and per half hour,
 * learned only from the records up to `--learn-until` (default: the day before the month).
 */
async function forecastCommand(
  database: Database,
  io: Output,
  o: { tenant: string; month: string; learnUntil: string | undefined; json: boolean },
): Promise<number> {
  const input = await runOperation(database.db, cliActor(o.tenant), (ctx) =>
    staffingInputs(ctx, { month: o.month, learnUntil: o.learnUntil }),
  );
  const learned = forecastDemand(input.days, input.history, input.historyDays);
  const days = forecastView(learned ?? referenceDemand(input.days, input.monthlyVolumes));
  const learnUntil = input.historyDays.at(-1)?.date ?? null;
  const source = learned ? "history" : "reference";
  if (o.json) {
    io.out(JSON.stringify({ tenant: o.tenant, month: o.month, learnUntil, source, days }, null, 2));
    return 0;
  }
  io.out(
    `${o.tenant} ${o.month}: ${source === "history" ? `learned from the records up to ${learnUntil}` : "from the reference volumes (§8(5)): under eight weeks of records"}`,
  );
  for (const d of days)
    io.out(
      `  ${d.date}  ${d.total.toFixed(1).padStart(6)}  ${Object.entries(d.procedures)
        .map(([code, n]) => `${code} ${n.toFixed(1)}`)
        .join(", ")}`,
    );
  return 0;
}
