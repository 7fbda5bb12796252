import fs from "node:fs";
import { handoverZip, readHandoverZip } from "../src/handover/files.ts";
import { handoverPackage } from "../src/handover/handover.ts";
import { importHandover } from "../src/handover/import.ts";
import { systemActor } from "../src/platform/actor.ts";
import type { Database } from "../src/platform/db/index.ts";
import { runOperation } from "../src/platform/operation.ts";
import { type Output, parse, UsageError } from "./commands.ts";

const USAGE =
  "usage: madoguchi handover export --tenant T --out FILE.zip | madoguchi handover import --tenant T --file FILE.zip";

/** `madoguchi handover export|import`: 業務引継書 for the next contractor, and its taking in. */
export async function handoverCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    out: { type: "string" },
    file: { type: "string" },
  });
  if (typeof values.tenant !== "string") throw new UsageError(USAGE);
  const actor = systemActor(values.tenant, "cli");
  if (positionals[0] === "export" && typeof values.out === "string") {
    const pkg = await runOperation(database.db, actor, handoverPackage);
    const zip = await handoverZip(pkg);
    fs.writeFileSync(values.out, zip);
    io.out(
      `業務引継書を書き出しました / handover package written: ${values.out} (${zip.length.toLocaleString()} bytes; ${pkg.configuration.procedures.length} procedures, ${pkg.statistics.length} months, ${pkg.openItems.incidents.length} open incidents)`,
    );
    return 0;
  }
  if (positionals[0] === "import" && typeof values.file === "string") {
    const pkg = await readHandoverZip(fs.readFileSync(values.file));
    const summary = await runOperation(database.db, actor, (ctx) => importHandover(ctx, pkg));
    io.out(`取り込みました / imported: ${JSON.stringify(summary)}`);
    return 0;
  }
  throw new UsageError(USAGE);
}
