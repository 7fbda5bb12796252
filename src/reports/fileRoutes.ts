import type { FastifyReply } from "fastify";
import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../platform/http/types.ts";
import { dateParams, monthParams, type ReportKind } from "./contract.ts";
import { reportDocument } from "./document.ts";
import { reportPdf } from "./pdf.ts";
import { reportWorkbook } from "./workbook.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(999).optional() });

/** Each report as A4 PDF and as a workbook: a given version, else the newest, else the draft. */
export async function reportFileRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const formats = [
    { ext: "pdf", type: "application/pdf", what: "A4 PDF with page numbers" },
    { ext: "xlsx", type: XLSX, what: "Workbook: totals as formulas, A4 print areas" },
  ] as const;
  for (const kind of ["daily", "monthly"] as const satisfies readonly ReportKind[])
    for (const format of formats) {
      const param = kind === "daily" ? "date" : "month";
      app.get(
        `/api/v1/reports/${kind}/:${param}/report.${format.ext}`,
        {
          config: { access: { permission: "report.read" } },
          schema: {
            tags: ["reports"],
            summary: `The ${kind} report as ${format.what}`,
            params: kind === "daily" ? dateParams : monthParams,
            querystring: versionQuery,
            response: fileResponse(format.type, format.what),
          },
        },
        async (request, reply) => {
          const period = (request.params as Record<string, string>)[param]!;
          const doc = await run(request, (ctx) =>
            reportDocument(ctx, { kind, period, version: request.query.version }),
          );
          const bytes = format.ext === "pdf" ? await reportPdf(doc) : await reportWorkbook(doc);
          const name = `${kind}-report-${period}${doc.version ? `-v${doc.version.version}` : "-draft"}.${format.ext}`;
          // A file, not JSON: sent past the typed reply.
          return (reply as unknown as FastifyReply)
            .type(format.type)
            .header("cache-control", "no-store")
            .header(
              "content-disposition",
              `${format.ext === "pdf" ? "inline" : "attachment"}; filename="${name}"`,
            )
            .send(Buffer.from(bytes));
        },
      );
    }
}
