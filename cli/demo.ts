import { makeHistory } from "../src/demo/history.ts";
import type { Database } from "../src/platform/db/index.ts";
import { type Output, parse, UsageError } from "./commands.ts";

/** `madoguchi demo history`: the demo tenant's six months of service, a month a transaction. */
export async function demoCommand(database: Database, argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    seed: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
  });
  if (positionals[0] !== "history" || typeof values.tenant !== "string")
    throw new UsageError("usage: madoguchi demo history --tenant T [--seed N] [--from D] [--to D]");
  const result = await makeHistory(database, values.tenant, {
    ...(typeof values.seed === "string" ? { seed: Number(values.seed) } : {}),
    ...(typeof values.from === "string" ? { from: values.from } : {}),
    ...(typeof values.to === "string" ? { to: values.to } : {}),
    onProgress: (line) => io.err(line),
  });
  if (result.days === 0 && result.plans === 0 && result.reports === 0) {
    io.out(
      `${values.tenant}: nothing to make, the history is complete (${result.skipped} service days already made) / 作成済みです`,
    );
    return 0;
  }
  io.out(
    `${values.tenant}: ${result.days} service days, ${result.tickets} visits (${result.reservations} booked ahead), ${result.calls} calls, ${result.plans} monthly rosters planned and published, ${result.reports} monthly reports filed, ${result.rows} rows, in ${(result.ms / 1000).toFixed(1)} s`,
  );
  return 0;
}
