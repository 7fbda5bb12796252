import type { Database } from "../src/platform/db/index.ts";
import { accuracyOf } from "../src/queue/accuracy.ts";
import { ticketsIssuedBetween } from "../src/queue/ticketStore.ts";
import { type Output, parse, UsageError } from "./commands.ts";

/** `madoguchi queue accuracy`: how far the wait estimates shown at issue were from the waits people had. */
export async function queueCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    json: { type: "boolean" },
  });
  const [tenant, from, to] = [values.tenant, values.from, values.to].map((v) =>
    typeof v === "string" ? v : undefined,
  );
  if (positionals[0] !== "accuracy" || !tenant || !from || !to) {
    throw new UsageError(
      "usage: madoguchi queue accuracy --tenant T --from YYYY-MM-DD --to YYYY-MM-DD [--json]",
    );
  }
  const report = accuracyOf(await ticketsIssuedBetween(database.db, tenant, from, to));
  if (values.json) {
    io.out(JSON.stringify({ tenant, from, to, ...report }, null, 2));
  } else {
    io.out(
      `${tenant} ${from}〜${to}: ${report.tickets} tickets called, mean actual wait ${report.meanActualWait} min`,
    );
    io.out(`  predictor (median): mean absolute error ${report.medianAbsoluteErrorMean} min`);
    io.out(`  naive estimate:     mean absolute error ${report.naiveAbsoluteErrorMean} min`);
    io.out(
      `  ratio ${report.ratioToNaive ?? "-"} (aim ≤ 0.7); waited longer than shown: ${(report.longerThanShown * 100).toFixed(1)} % (aim ≤ 10–15 %)`,
    );
  }
  return 0;
}
