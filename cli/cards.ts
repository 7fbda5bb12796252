import { cardSummary } from "../src/cards/cards.ts";
import { CARD_STATE_LABELS, CARD_STATES } from "../src/cards/rules.ts";
import { systemActor } from "../src/platform/actor.ts";
import type { Database } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { type Output, parse, UsageError } from "./commands.ts";

/** `madoguchi cards summary`: cards now in each state. */
export async function cardsCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals[0] !== "summary" || typeof values.tenant !== "string")
    throw new UsageError("usage: madoguchi cards summary --tenant T [--json]");
  const summary = await runOperation(database.db, systemActor(values.tenant, "cli"), cardSummary);
  if (values.json) io.out(JSON.stringify(summary));
  else
    for (const s of CARD_STATES)
      io.out(`${CARD_STATE_LABELS[s].ja.padEnd(8, "　")} ${s.padEnd(12)} ${summary[s]}`);
  return 0;
}
