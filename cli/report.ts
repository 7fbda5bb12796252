import fs from "node:fs";
import { systemActor } from "../src/platform/actor.ts";
import type { Database } from "../src/platform/db/index.ts";
import { isValidDate, isValidMonth } from "../src/platform/inputs.ts";
import { runOperation } from "../src/platform/operation.ts";
import { reportDocument } from "../src/reports/document.ts";
import { reportPdf } from "../src/reports/pdf.ts";
import { reportWorkbook } from "../src/reports/workbook.ts";
import { type Output, parse, UsageError } from "./commands.ts";

const USAGE = `usage: madoguchi report daily   --tenant T --date YYYY-MM-DD [--format json|xlsx|pdf] [--version N] [--out FILE]
       madoguchi report monthly --tenant T --month YYYY-MM   [--format json|xlsx|pdf] [--version N] [--out FILE]`;

/**
 * `madoguchi report`: a day's or a month's report as JSON, a workbook or a PDF — the version
 * asked for, else the newest submitted, else the draft from the records as they stand.
 */
export async function reportCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    date: { type: "string" },
    month: { type: "string" },
    format: { type: "string" },
    version: { type: "string" },
    out: { type: "string" },
  });
  const kind = positionals[0];
  const tenant = typeof values.tenant === "string" ? values.tenant : undefined;
  const period = kind === "daily" ? values.date : kind === "monthly" ? values.month : undefined;
  const format = typeof values.format === "string" ? values.format : "json";
  if (
    (kind !== "daily" && kind !== "monthly") ||
    !tenant ||
    typeof period !== "string" ||
    !(kind === "daily" ? isValidDate(period) : isValidMonth(period)) ||
    !["json", "xlsx", "pdf"].includes(format) ||
    (format !== "json" && typeof values.out !== "string")
  )
    throw new UsageError(USAGE);
  const version = typeof values.version === "string" ? Number(values.version) : undefined;
  const doc = await runOperation(database.db, systemActor(tenant, "cli"), (ctx) =>
    reportDocument(ctx, { kind, period, version }),
  );
  const bytes =
    format === "pdf"
      ? await reportPdf(doc)
      : format === "xlsx"
        ? await reportWorkbook(doc)
        : `${JSON.stringify(
            {
              ...doc.figures,
              status: doc.version?.status ?? "draft",
              version: doc.version?.version ?? null,
              remarks: doc.version?.remarks ?? null,
            },
            null,
            2,
          )}\n`;
  if (typeof values.out === "string") {
    fs.writeFileSync(values.out, bytes);
    io.err(
      `${kind} report ${period} (${doc.version ? `version ${doc.version.version}, ${doc.version.status}` : "draft"}) → ${values.out}`,
    );
  } else io.out(String(bytes).trimEnd());
  return 0;
}
