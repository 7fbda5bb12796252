import os from "node:os";
import { inEveryTenant } from "../src/jobs.ts";
import type { Database } from "../src/platform/db/index.ts";
import { purgeContactData } from "../src/reservations/purge.ts";
import { type Output, parse } from "./commands.ts";

/** `madoguchi purge`: removes reservation contact data past its keeping period; counts stay. */
export async function purgeCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values } = parse(argv, { json: { type: "boolean" } });
  const results = (
    await inEveryTenant(
      database.db,
      "purge",
      (ctx) => purgeContactData(ctx),
      `cli:${os.userInfo().username}`,
    )
  )
    .filter((r) => r.result > 0)
    .map((r) => ({ tenantId: r.tenantId, purged: r.result }));
  if (values.json) io.out(JSON.stringify(results));
  else if (results.length === 0) io.out("nothing to purge");
  else
    for (const r of results)
      io.out(`${r.tenantId}: contact data of ${r.purged} reservations removed`);
  return 0;
}
